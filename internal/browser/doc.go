// Package browser runs a page in headless Chromium and returns what a script
// on it computed, for tests that check how output looks in a real browser.
package browser
