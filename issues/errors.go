package issues

import "broadsheet/issues/tomltab"

// Error is a mistake in an issue file: where it is, which item, and what would be valid.
type Error = tomltab.Error

// ErrorList is every error found in one or more issue files, sorted by position.
type ErrorList = tomltab.ErrorList
