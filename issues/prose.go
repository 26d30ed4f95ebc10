package issues

import "broadsheet/issues/tomltab"

// prose returns the text at key as the page will print it (tomltab.Table.Prose): one
// line, except the body, whose lines are its paragraphs.
func prose(t table, key string, required bool) (string, bool) {
	return t.Prose(key, required, key == "body")
}

// blank reports whether s has no visible character (see tomltab.Blank).
func blank(s string) bool { return tomltab.Blank(s) }
