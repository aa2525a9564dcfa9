// Package browser drives headless Chromium for tests that check how output
// looks and behaves in a real browser: Eval runs a script on a page and
// returns what it computed; Start opens a page over the DevTools protocol
// to run scripts, type, click and take screenshots.
package browser
