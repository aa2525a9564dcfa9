// Package csv writes the graph as nodes.csv and edges.csv in the
// conventions of Gephi's spreadsheet importer.
//
// # Byte-order mark
//
// Both files start with a UTF-8 byte-order mark (EF BB BF) unless
// Options.NoBOM is set. Without it, Excel and WPS, which most users of a
// Chinese data set open CSV files in, decode the file in the system's
// legacy code page (GBK on Chinese Windows, Windows-1252 elsewhere) and
// show every Chinese name as mojibake; with it they recognise UTF-8.
// LibreOffice, Numbers, Python's csv module with encoding="utf-8-sig",
// pandas and R's readr all accept the mark. Gephi's spreadsheet importer
// strips it since Gephi 0.9.2 (gephi/gephi#1815); before that it read the
// first header as "\ufeffId" and missed the Id and Source columns, which is
// the one case for NoBOM, together with tools that compare the first header
// byte for byte.
//
// # Formulas
//
// A cell that starts with =, +, -, @, a tab or a carriage return is written
// with a leading apostrophe (') so that a spreadsheet program shows it as text instead of
// running it as a formula (CSV injection): =HYPERLINK("x") becomes
// '=HYPERLINK("x"). Spreadsheets hide the apostrophe; Gephi and other
// CSV readers keep it, so strip one leading apostrophe before such a
// character when reading the files programmatically. Ids, dates, kinds,
// Type, Weight and Timeset never start with those characters.
package csv
