package layout

// EditorsChecks lets the tests of whole issues (package layout_test, which may import
// the edition stage that imports this one) make the editor's checks on their pages.
var EditorsChecks = editorsChecks

// GenIssue, CheckModules and CheckPinError serve the fuzzer of whole issues.
var (
	GenIssue      = genIssue
	CheckModules  = checkModules
	CheckPinError = checkPinError
)
