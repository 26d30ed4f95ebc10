package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/pdf/object"
)

// printCases are the sheets every conformance test runs on: the page alone, with
// bleed, and with bleed and marks.
var printCases = []struct {
	name  string
	print display.Print
}{
	{"plain", display.Print{}},
	{"bleed", display.Print{Bleed: geom.Mm(3)}},
	{"marks", display.Print{Bleed: geom.Mm(3), Marks: true}},
	{"marks-no-bleed", display.Print{Marks: true}},
}

// textPage is a page without pictures: text in every face, a rule, a tint.
func textPage(p display.Print) *display.Page {
	page := &display.Page{
		Width: pt(400), Height: pt(300), Print: p,
		Meta: display.Meta{Title: "测试报 2023年11月21日 第7版", Newspaper: "测试报", Date: "2023-11-21", PageNo: 7, Source: "issues/test.toml"},
	}
	for id := fonts.ID(0); id < fonts.Count; id++ {
		page.Items = append(page.Items, text(id, 18, 20, 40+float64(id)*40, "新闻报纸"+songLine[:9]))
	}
	page.Items = append(page.Items,
		&display.Rule{X1: pt(20), Y1: pt(200), X2: pt(380), Y2: pt(200), Width: pt(0.5), Color: display.Black},
		&display.Tint{Rect: rect(20, 220, 100, 40), Color: display.Gray(20)})
	return page
}

// boxes reads pdfinfo -box: each box as lower-left x, y, upper-right x, y in points.
func boxes(t *testing.T, path string) map[string][4]float64 {
	t.Helper()
	out := map[string][4]float64{}
	re := regexp.MustCompile(`(?m)^(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)`)
	for _, m := range re.FindAllStringSubmatch(tool(t, "pdfinfo", "-box", path), -1) {
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(m[i+2], 64)
		}
		out[m[1]] = b
	}
	return out
}

// Without bleed and marks MediaBox = TrimBox = the page; bleed makes BleedBox the
// trim grown by the bleed, and the MediaBox at least that; marks grow the MediaBox
// beyond the bleed. The trimmed page is always the page's size.
func TestBoxes(t *testing.T) {
	dir := t.TempDir()
	const w, h = 400.0, 300.0
	bleed := geom.Mm(3).Points()
	for _, c := range printCases {
		path, _ := write(t, dir, c.name+".pdf", textPage(c.print), Options{})
		b := boxes(t, path)
		media, trim, bl := b["MediaBox"], b["TrimBox"], b["BleedBox"]
		near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
		if !near(trim[2]-trim[0], w) || !near(trim[3]-trim[1], h) {
			t.Errorf("%s: TrimBox %v is not %gx%g", c.name, trim, w, h)
		}
		want := c.print.Bleed.Points()
		for i, sign := range []float64{-1, -1, 1, 1} {
			if !near(bl[i], trim[i]+sign*want) {
				t.Errorf("%s: BleedBox %v is not TrimBox %v grown by %g", c.name, bl, trim, want)
				break
			}
		}
		switch {
		case c.print == display.Print{} && media != trim:
			t.Errorf("%s: MediaBox %v, want the TrimBox %v", c.name, media, trim)
		case !c.print.Marks && c.print.Bleed > 0 && media != bl:
			t.Errorf("%s: MediaBox %v, want the BleedBox %v", c.name, media, bl)
		case c.print.Marks && !(media[0] < bl[0]-bleed && media[3] > bl[3]+bleed):
			t.Errorf("%s: MediaBox %v leaves no room for marks beyond the BleedBox %v", c.name, media, bl)
		}
	}
}

// qpdf finds nothing wrong in any sheet, and two builds are the same bytes.
func TestSheetsCheckAndRepeat(t *testing.T) {
	dir := t.TempDir()
	for _, c := range printCases {
		path, first := write(t, dir, c.name+".pdf", textPage(c.print), Options{})
		out := tool(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", c.name, out)
		}
		_, second := write(t, dir, c.name+"2.pdf", textPage(c.print), Options{})
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two builds differ", c.name)
		}
	}
}

var reInk = regexp.MustCompile(`^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK`)

// A page of text, rules and tints prints in black ink alone, on the trimmed page.
// (Marks are all inks by design: the case without them is the one measured.)
func TestBlackOnlyInk(t *testing.T) {
	dir := t.TempDir()
	for _, c := range printCases[:2] {
		path, _ := write(t, dir, c.name+".pdf", textPage(c.print), Options{})
		out := tool(t, "gs", "-q", "-o", "-", "-sDEVICE=inkcov", path)
		m := reInk.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("%s: inkcov said %q", c.name, out)
		}
		if m[1] != "0.00000" || m[2] != "0.00000" || m[3] != "0.00000" || m[4] == "0.00000" {
			t.Errorf("%s: ink C %s M %s Y %s K %s, want black alone", c.name, m[1], m[2], m[3], m[4])
		}
	}
}

// Black overprints: the page's content starts by selecting a graphics state with
// OP, op and OPM 1, and text and rules are set in 0 0 0 1.
func TestBlackOverprints(t *testing.T) {
	dir := t.TempDir()
	path, raw := write(t, dir, "page.pdf", textPage(display.Print{}), Options{})
	content := pageContent(t, path)
	if !strings.HasPrefix(content, "q\n/"+overprintState+" gs\n") {
		t.Errorf("content does not start with the overprint state:\n%.80s", content)
	}
	p, err := object.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range p.Objs {
		if d, ok := o.(map[string]any); ok && d["Type"] == object.Name("ExtGState") {
			found = d["OP"] == true && d["op"] == true && d["OPM"] == 1
		}
	}
	if !found {
		t.Error("no ExtGState with /OP true /op true /OPM 1")
	}
	if !strings.Contains(content, "0.00 0.00 0.00 1.00 k") {
		t.Error("text is not set in 100 % K")
	}
}

// xmpPacket is the part of the XMP this test reads.
type xmpPacket struct {
	Descriptions []struct {
		Title        string `xml:"title>Alt>li"`
		CreateDate   string `xml:"CreateDate"`
		ModifyDate   string `xml:"ModifyDate"`
		Producer     string `xml:"Producer"`
		Trapped      string `xml:"Trapped"`
		DocumentID   string `xml:"DocumentID"`
		PDFXVersion  string `xml:"GTS_PDFXVersion"`
		Part         string `xml:"part"`
		Conformance  string `xml:"conformance"`
		SchemaPrefix string `xml:"schemas>Bag>li>prefix"`
	} `xml:"RDF>Description"`
}

// The XMP parses, says PDF/X-4 and PDF/A-2b (with the extension schema for pdfxid),
// and agrees with the Info dictionary; both output intents share one profile.
func TestMetadataAgrees(t *testing.T) {
	_, raw := write(t, t.TempDir(), "page.pdf", textPage(display.Print{}), Options{})
	p, err := object.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	info, err := p.DictAt(p.Trailer["Info"], "Info")
	if err != nil {
		t.Fatal(err)
	}
	root, err := p.DictAt(p.Trailer["Root"], "Root")
	if err != nil {
		t.Fatal(err)
	}
	ms, ok := p.Objs[int(root["Metadata"].(object.Ref))].(*object.RawStream)
	if !ok {
		t.Fatal("no metadata stream")
	}
	var x xmpPacket
	if err := xml.Unmarshal(ms.Data, &x); err != nil {
		t.Fatalf("XMP does not parse: %v", err)
	}
	var got = map[string]string{}
	for _, d := range x.Descriptions {
		for k, v := range map[string]string{"title": d.Title, "create": d.CreateDate, "modify": d.ModifyDate,
			"producer": d.Producer, "trapped": d.Trapped, "docid": d.DocumentID, "pdfx": d.PDFXVersion,
			"part": d.Part, "conformance": d.Conformance, "schema": d.SchemaPrefix} {
			if v != "" {
				got[k] = v
			}
		}
	}
	want := map[string]string{
		"title": "测试报 2023年11月21日 第7版", "create": "2023-11-21T00:00:00+08:00", "modify": "2023-11-21T00:00:00+08:00",
		"producer": Producer, "trapped": "False", "pdfx": "PDF/X-4", "part": "2", "conformance": "B", "schema": "pdfxid",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("XMP %s = %q, want %q", k, got[k], v)
		}
	}
	if !regexp.MustCompile(`^uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(got["docid"]) {
		t.Errorf("xmpMM:DocumentID %q is not a uuid", got["docid"])
	}
	if title := decodeText(info["Title"].([]byte)); title != got["title"] {
		t.Errorf("Info Title %q, XMP %q", title, got["title"])
	}
	if d := string(info["CreationDate"].([]byte)); d != "D:20231121000000+08'00'" || string(info["ModDate"].([]byte)) != d {
		t.Errorf("Info dates %q, %q disagree with the XMP's %s", d, info["ModDate"], got["create"])
	}
	if info["Trapped"] != object.Name("False") || string(info["Producer"].([]byte)) != Producer {
		t.Errorf("Info Trapped %v Producer %q", info["Trapped"], info["Producer"])
	}
	intents, _ := root["OutputIntents"].([]any)
	var kinds []string
	var profiles []any
	for _, oi := range intents {
		d, err := p.DictAt(oi, "OutputIntent")
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, fmt.Sprint(d["S"]))
		profiles = append(profiles, d["DestOutputProfile"])
	}
	if strings.Join(kinds, " ") != "GTS_PDFX GTS_PDFA1" || len(profiles) != 2 || profiles[0] != profiles[1] {
		t.Errorf("output intents %v with profiles %v, want GTS_PDFX and GTS_PDFA1 sharing one", kinds, profiles)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-1.6\n")) {
		t.Errorf("header %q, want PDF 1.6", raw[:9])
	}
}

// decodeText decodes a PDF text string: UTF-16BE with a byte order mark, or ASCII.
func decodeText(b []byte) string {
	if len(b) < 2 || b[0] != 0xFE || b[1] != 0xFF {
		return string(b)
	}
	var units []uint16
	for i := 2; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
	}
	var r []rune
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if u >= 0xD800 && u < 0xDC00 && i+1 < len(units) {
			u = (u-0xD800)<<10 + rune(units[i+1]) - 0xDC00 + 0x10000
			i++
		}
		r = append(r, u)
	}
	return string(r)
}

// pdfaOneOnly are the findings of PDFBox's PDF/A-1b Preflight that PDF/A-2b does not
// share, each with the reason:
var pdfaOneOnly = map[string]*regexp.Regexp{
	// ISO 19005-1 6.3.5 wants a CIDSet for every CID font subset; ISO 19005-2 6.2.11.4.2
	// makes it optional (and only requires it to be right when present).
	"3.1.11": regexp.MustCompile(`The CIDSet entry is missing for the Composite Subset`),
	// PDF/A-1 identification is part 1; this file is part 2.
	"7.11.2": regexp.MustCompile(`part must be 1`),
	// PDFBox refuses every output intent whose S is not GTS_PDFA1. ISO 19005-2 6.2.3
	// (as 19005-1 6.2.2) allows several output intents that share one profile, which
	// is how PDF/X-4 and PDF/A-2b live in one file.
	"2.1.3": regexp.MustCompile(`The S entry of the OutputIntent isn't GTS_PDFA1`),
	// pdf:Trapped is in the Adobe PDF schema of XMP 2005, which PDF/A-2 uses; the
	// XMP 2004 schemas of PDF/A-1 lack it. PDF/X-4 wants it.
	"7.1.1": regexp.MustCompile(`No type defined for \{http://ns.adobe.com/pdf/1.3/\}Trapped`),
}

// pdfboxClasspath lists the jars of Debian's libpdfbox2-java and what it needs.
var pdfboxClasspath = []string{
	"pdfbox2.jar", "preflight.jar", "xmpbox.jar", "fontbox2.jar", "commons-logging.jar",
	"javax.activation.jar", "jaxb-api.jar",
}

// preflightPDFA runs PDFBox's Preflight on path and returns its findings.
func preflightPDFA(t *testing.T, path string) []string {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		missing(t, "java is not installed (default-jre-headless; .ci/run installs it)")
	}
	var cp []string
	for _, j := range pdfboxClasspath {
		cp = append(cp, filepath.Join("/usr/share/java", j))
	}
	out, _ := exec.Command("java", "-cp", strings.Join(cp, ":"), "org.apache.pdfbox.preflight.Validator_A1b", path).CombinedOutput()
	s := string(out)
	if strings.Contains(s, "ClassNotFoundException") || strings.Contains(s, "NoClassDefFoundError") {
		missing(t, "PDFBox Preflight is not installed (libpdfbox2-java libactivation-java libjaxb-api-java): %s", s)
	}
	if !strings.Contains(s, "PDF/A-1b file") {
		t.Fatalf("Preflight said:\n%s", s)
	}
	var findings []string
	for _, line := range strings.Split(s, "\n") {
		if regexp.MustCompile(`^\d+(\.\d+)* : `).MatchString(line) {
			findings = append(findings, line)
		}
	}
	return findings
}

// PDFBox Preflight finds nothing in any sheet but what only PDF/A-1 requires.
func TestPDFBoxPreflight(t *testing.T) {
	dir := t.TempDir()
	pages := map[string]*display.Page{"photos": testPage(t, dir)}
	for _, c := range printCases {
		pages[c.name] = textPage(c.print)
	}
	for name, page := range pages {
		path, _ := write(t, dir, name+".pdf", page, Options{})
		for _, f := range preflightPDFA(t, path) {
			code, msg, _ := strings.Cut(f, " : ")
			if re, ok := pdfaOneOnly[code]; !ok || !re.MatchString(msg) {
				t.Errorf("%s: %s", name, f)
			}
		}
	}
}

// Photographs go in tagged: the PNG and the JPEG of the test page (RGB) are ICCBased
// sRGB, with one profile for both; nothing is bare DeviceRGB.
func TestPhotosAreTaggedSRGB(t *testing.T) {
	dir := t.TempDir()
	_, raw := write(t, dir, "photos.pdf", testPage(t, dir), Options{})
	p, err := object.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	var profiles []any
	for n, o := range p.Objs {
		s, ok := o.(*object.RawStream)
		if !ok || s.Dict["Subtype"] != object.Name("Image") || s.Dict["ColorSpace"] == object.Name("DeviceGray") {
			continue
		}
		cs, ok := s.Dict["ColorSpace"].([]any)
		if !ok || len(cs) != 2 || cs[0] != object.Name("ICCBased") {
			t.Errorf("image %d: colour space %v, want [/ICCBased sRGB]", n, s.Dict["ColorSpace"])
			continue
		}
		profiles = append(profiles, cs[1])
	}
	if len(profiles) != 2 || profiles[0] != profiles[1] {
		t.Errorf("profiles of the two photos: %v, want one shared", profiles)
	}
	if bytes.Contains(raw, []byte("/DeviceRGB")) && !bytes.Contains(raw, []byte("/Alternate /DeviceRGB")) {
		t.Error("the file names DeviceRGB outside the sRGB profile's alternate")
	}
}

// SOURCE_DATE_EPOCH, when set, is the file's date; otherwise the day at
// midnight in China; never the clock.
func TestDates(t *testing.T) {
	if d := resolveDate(epoch("1700000000"), "2023-11-21"); d.info() != "D:20231114221320+00'00'" || d.xmp() != "2023-11-14T22:13:20+00:00" {
		t.Errorf("SOURCE_DATE_EPOCH=1700000000: %s, %s", d.info(), d.xmp())
	}
	if d := resolveDate(epoch(""), "2023-11-21"); d.info() != "D:20231121000000+08'00'" || d.xmp() != "2023-11-21T00:00:00+08:00" {
		t.Errorf("issue date: %s, %s", d.info(), d.xmp())
	}
	if d := resolveDate(epoch("soon"), ""); d.set {
		t.Errorf("no date at all gave %s", d.info())
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	_, raw := write(t, t.TempDir(), "epoch.pdf", textPage(display.Print{}), Options{})
	if !bytes.Contains(raw, []byte("<xmp:CreateDate>2023-11-14T22:13:20+00:00</xmp:CreateDate>")) {
		t.Error("SOURCE_DATE_EPOCH is not the XMP's date")
	}
}

// An output profile the page names replaces the newsprint one in both output intents,
// as a custom printing condition.
func TestCustomOutputProfile(t *testing.T) {
	icc, err := os.ReadFile("icc/TR002-coldset-newsprint-240.icc")
	if err != nil {
		t.Fatal(err)
	}
	page := textPage(display.Print{OutputProfile: string(icc), OutputCondition: "press.icc"})
	_, raw := write(t, t.TempDir(), "custom.pdf", page, Options{})
	p, err := object.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := p.DictAt(p.Trailer["Root"], "Root")
	intents, _ := root["OutputIntents"].([]any)
	for _, oi := range intents {
		d, _ := p.DictAt(oi, "OutputIntent")
		if string(d["OutputConditionIdentifier"].([]byte)) != "Custom" || string(d["Info"].([]byte)) != "press.icc" {
			t.Errorf("output intent %v: want the custom condition press.icc", d)
		}
	}
	if len(intents) != 2 {
		t.Errorf("%d output intents, want 2", len(intents))
	}
	rgb, _ := os.ReadFile("icc/sRGB.icm")
	var b bytes.Buffer
	if err := Write(&b, textPage(display.Print{OutputProfile: string(rgb)}), Options{}); err == nil || !strings.Contains(err.Error(), "CMYK output") {
		t.Errorf("an RGB display profile as output profile: error %v", err)
	}
}
