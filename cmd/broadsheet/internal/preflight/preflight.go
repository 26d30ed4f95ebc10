// Package preflight is "broadsheet preflight FILE.pdf...": it reads any PDF (ours or
// an advertiser's) with pdfcpu and reports, per page and object, what a newspaper
// press would refuse. It checks only what it states; it is not a PDF/X validator.
package preflight

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/spf13/pflag"
)

// Exit statuses, as the command's.
const (
	exitOK        = 0
	exitAttention = 1 // findings
	exitInput     = 2 // a file could not be read, or usage
)

// The press's limits.
const (
	// minPPI is the least resolution of a photograph as placed for newsprint
	// (typography.md: 170–200 ppi).
	minPPI = 170
	// defaultInkLimit is the coldset newsprint profile's total area coverage, percent.
	defaultInkLimit = 240
	// maxFormDepth bounds how deep forms drawing forms are followed.
	maxFormDepth = 8
)

// Run runs the preflight subcommand and returns the exit status: 0 no findings, 1
// findings, 2 a file could not be read.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("broadsheet preflight", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	inkLimit := fs.Int("ink-limit", defaultInkLimit, "most total ink a vector colour may carry, percent")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: broadsheet preflight [flags] FILE.pdf...\n\n"+
			"Checks each PDF for what a newspaper press refuses: boxes, fonts not embedded, RGB without a profile,\n"+
			"text in more than black ink, black text that does not overprint, images under %d ppi, colours over\n"+
			"the ink limit, missing PDF/X output intent or XMP identification.\n"+
			"Exit status: 0 clean; 1 findings; 2 a file could not be read.\n\nFlags:\n", minPPI)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return exitOK
		}
		return exitInput
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "broadsheet preflight: no PDF given")
		fs.Usage()
		return exitInput
	}
	status := exitOK
	for _, path := range fs.Args() {
		findings, err := preflight(path, *inkLimit)
		if err != nil {
			fmt.Fprintf(stderr, "%s: unreadable: %v\n", path, err)
			status = max(status, exitInput)
			continue
		}
		for _, f := range findings {
			fmt.Fprintf(stdout, "%s: %s\n", path, f)
		}
		if len(findings) > 0 {
			status = max(status, exitAttention)
		} else {
			fmt.Fprintf(stdout, "%s: clean\n", path)
		}
	}
	return status
}

// preflight reads one PDF and returns its findings, document first, then page by page.
func preflight(path string, inkLimit int) (findings []string, err error) {
	defer func() { // pdfcpu may panic on a broken file
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	model.ConfigPath = "disable" // no configuration folder, user fonts or certificates written to $HOME
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	// pdfcpu's reader, not its api package: that one pulls in form filling, whose
	// dependencies cost 50 ms at every start of the command.
	ctx, err := pdfcpu.Read(f, conf)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	if ctx.PageCount == 0 {
		return nil, fmt.Errorf("no pages")
	}
	c := &checker{ctx: ctx, inkLimit: inkLimit}
	c.document()
	for p := 1; p <= ctx.PageCount; p++ {
		if err := c.page(p); err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
	}
	return c.findings, nil
}

// checker collects the findings of one file.
type checker struct {
	ctx      *model.Context
	inkLimit int
	rgbOK    bool // the output intent is an RGB profile, so DeviceRGB is defined
	findings []string
	seen     map[string]bool
}

// report adds a finding once.
func (c *checker) report(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	if !c.seen[s] {
		c.seen[s] = true
		c.findings = append(c.findings, s)
	}
}

// document checks the output intents and the XMP identification.
func (c *checker) document() {
	cat, err := c.ctx.Catalog()
	if err != nil {
		c.report("document: no catalog: %v", err)
		return
	}
	pdfx := false
	intents, _ := c.ctx.DereferenceArray(entry(cat, "OutputIntents"))
	for _, o := range intents {
		d, err := c.ctx.DereferenceDict(o)
		if err != nil || d == nil {
			continue
		}
		if s := d.NameEntry("S"); s != nil && *s == "GTS_PDFX" {
			pdfx = true
			if sd, _, err := c.ctx.DereferenceStreamDict(entry(d, "DestOutputProfile")); err == nil && sd != nil {
				if n := sd.IntEntry("N"); n != nil && *n == 3 {
					c.rgbOK = true
				}
			} else {
				c.report("document: the PDF/X output intent embeds no output profile")
			}
		}
	}
	if !pdfx {
		c.report("document: no PDF/X output intent (OutputIntents with /S /GTS_PDFX)")
	}
	sd, _, err := c.ctx.DereferenceStreamDict(entry(cat, "Metadata"))
	if err != nil || sd == nil {
		c.report("document: no XMP metadata: no PDF/X identification")
		return
	}
	if err := sd.Decode(); err != nil {
		c.report("document: XMP metadata cannot be decoded: %v", err)
		return
	}
	if !bytes.Contains(sd.Content, []byte("GTS_PDFXVersion")) {
		c.report("document: the XMP metadata has no pdfxid:GTS_PDFXVersion (PDF/X identification)")
	}
}

// entry returns d[key] or nil.
func entry(d types.Dict, key string) types.Object {
	if d == nil {
		return nil
	}
	o, _ := d.Find(key)
	return o
}

// page checks one page: its boxes, then everything its content draws.
func (c *checker) page(n int) error {
	d, _, inh, err := c.ctx.PageDict(n, false)
	if err != nil {
		return err
	}
	where := fmt.Sprintf("page %d", n)
	c.boxes(where, d, inh)
	var res types.Dict
	if inh != nil {
		res = inh.Resources
	}
	if r, err := c.ctx.DereferenceDict(entry(d, "Resources")); err == nil && r != nil {
		res = r
	}
	c.fonts(where, res)
	content, err := c.ctx.PageContent(d, n)
	if err != nil && err != model.ErrNoContent {
		return err
	}
	c.content(where, content, res, identity, 0)
	return nil
}

// box reads a rectangle entry, normalised.
func (c *checker) box(d types.Dict, key string) (*types.Rectangle, bool) {
	a, err := c.ctx.DereferenceArray(entry(d, key))
	if err != nil || len(a) != 4 {
		return nil, false
	}
	var v [4]float64
	for i, o := range a {
		if v[i], err = c.ctx.DereferenceNumber(o); err != nil {
			return nil, false
		}
	}
	return types.NewRectangle(math.Min(v[0], v[2]), math.Min(v[1], v[3]), math.Max(v[0], v[2]), math.Max(v[1], v[3])), true
}

// boxes checks that the page has a TrimBox (or ArtBox), inside its BleedBox, inside
// its MediaBox.
func (c *checker) boxes(where string, d types.Dict, inh *model.InheritedPageAttrs) {
	media, ok := c.box(d, "MediaBox")
	if !ok && inh != nil && inh.MediaBox != nil {
		media, ok = inh.MediaBox, true
	}
	if !ok {
		c.report("%s: no MediaBox", where)
		return
	}
	trim, ok := c.box(d, "TrimBox")
	if !ok {
		if trim, ok = c.box(d, "ArtBox"); !ok {
			c.report("%s: no TrimBox (nor ArtBox): the press does not know where to cut", where)
			return
		}
	}
	bleed, hasBleed := c.box(d, "BleedBox")
	if !hasBleed {
		bleed = media
	}
	if !inside(trim, bleed) {
		c.report("%s: TrimBox %s is not inside the BleedBox %s", where, rectString(trim), rectString(bleed))
	}
	if !inside(bleed, media) {
		c.report("%s: BleedBox %s is not inside the MediaBox %s", where, rectString(bleed), rectString(media))
	}
}

// inside reports whether a lies within b, to 0.01 pt.
func inside(a, b *types.Rectangle) bool {
	const eps = 0.01
	return a.LL.X >= b.LL.X-eps && a.LL.Y >= b.LL.Y-eps && a.UR.X <= b.UR.X+eps && a.UR.Y <= b.UR.Y+eps
}

func rectString(r *types.Rectangle) string {
	return fmt.Sprintf("[%.2f %.2f %.2f %.2f]", r.LL.X, r.LL.Y, r.UR.X, r.UR.Y)
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// times returns m × n (m applied first).
func (m matrix) times(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// colour is a fill or stroke colour as the content sets it.
type colour struct {
	space string    // DeviceGray, DeviceRGB, DeviceCMYK, or the name of a resource space
	kind  string    // the resource space's family: ICCBased, Separation…
	v     []float64 // components
}

// gstate is the part of the graphics state preflight follows.
type gstate struct {
	ctm            matrix
	fill, stroke   colour
	op, OP         bool
	render         int
	fillCMYKSpaces bool
}

// content walks a content stream, checking text, colours and images.
func (c *checker) content(where string, data []byte, res types.Dict, ctm matrix, depth int) {
	st := gstate{ctm: ctm, fill: colour{space: "DeviceGray", v: []float64{0}}, stroke: colour{space: "DeviceGray", v: []float64{0}}}
	var stack []gstate
	var ops []string
	for tok := range contentTokens(data) {
		if !tok.op {
			ops = append(ops, tok.s)
			continue
		}
		nums := numbers(ops)
		switch tok.s {
		case "q":
			stack = append(stack, st)
		case "Q":
			if len(stack) > 0 {
				st, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if len(nums) == 6 {
				st.ctm = matrix(nums).times(st.ctm)
			}
		case "g", "rg", "k":
			st.fill = colour{space: map[string]string{"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}[tok.s], v: nums}
			c.checkColour(where, st.fill)
		case "G", "RG", "K":
			st.stroke = colour{space: map[string]string{"G": "DeviceGray", "RG": "DeviceRGB", "K": "DeviceCMYK"}[tok.s], v: nums}
			c.checkColour(where, st.stroke)
		case "cs", "CS":
			col := colour{space: lastName(ops)}
			col.kind = c.spaceKind(res, col.space)
			if col.space == "DeviceRGB" || col.kind == "DeviceRGB" {
				c.rgb(where, "colour space /"+col.space)
			}
			if tok.s == "cs" {
				st.fill = col
			} else {
				st.stroke = col
			}
		case "sc", "scn":
			st.fill.v = nums
		case "SC", "SCN":
			st.stroke.v = nums
		case "gs":
			c.extGState(res, lastName(ops), &st)
		case "Tr":
			if len(nums) == 1 {
				st.render = int(nums[0])
			}
		case "Tj", "TJ", "'", "\"":
			c.checkText(where, st)
		case "Do":
			c.xobject(where, res, lastName(ops), st.ctm, depth)
		}
		ops = ops[:0]
	}
}

// numbers returns the numeric operands.
func numbers(ops []string) []float64 {
	var v []float64
	for _, o := range ops {
		if f, err := strconv.ParseFloat(o, 64); err == nil {
			v = append(v, f)
		}
	}
	return v
}

// lastName returns the last name operand, without its slash.
func lastName(ops []string) string {
	for i := len(ops) - 1; i >= 0; i-- {
		if strings.HasPrefix(ops[i], "/") {
			return ops[i][1:]
		}
	}
	return ""
}

// checkColour flags a DeviceRGB colour without an RGB output intent, and a CMYK
// colour over the ink limit.
func (c *checker) checkColour(where string, col colour) {
	switch col.space {
	case "DeviceRGB":
		c.rgb(where, fmt.Sprintf("colour %s", values(col.v)))
	case "DeviceCMYK":
		total := 0.0
		for _, v := range col.v {
			total += v
		}
		if pct := math.Round(total * 100); pct > float64(c.inkLimit) {
			c.report("%s: colour C%s M%s Y%s K%s carries %g %% ink, over the %d %% limit", where,
				pctOf(col.v, 0), pctOf(col.v, 1), pctOf(col.v, 2), pctOf(col.v, 3), pct, c.inkLimit)
		}
	}
}

func pctOf(v []float64, i int) string {
	if i >= len(v) {
		return "?"
	}
	return strconv.FormatFloat(math.Round(v[i]*100), 'f', -1, 64)
}

func values(v []float64) string {
	s := make([]string, len(v))
	for i, f := range v {
		s[i] = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strings.Join(s, " ")
}

// rgb flags DeviceRGB, which the press cannot print without a profile for it.
func (c *checker) rgb(where, what string) {
	if !c.rgbOK {
		c.report("%s: %s in DeviceRGB without an ICC profile or an RGB output intent", where, what)
	}
}

// checkText flags text filled with more than black ink, and black text that does not
// overprint.
func (c *checker) checkText(where string, st gstate) {
	if st.render == 3 || st.render == 7 { // invisible text (render modes 3, 7) paints nothing
		return
	}
	f := st.fill
	switch {
	case f.space == "DeviceGray":
		return // black ink alone
	case f.space == "DeviceCMYK" && len(f.v) == 4:
		if f.v[0] > 0 || f.v[1] > 0 || f.v[2] > 0 {
			c.report("%s: text painted in C%s M%s Y%s K%s, more than black ink", where, pctOf(f.v, 0), pctOf(f.v, 1), pctOf(f.v, 2), pctOf(f.v, 3))
			return
		}
		if f.v[3] >= 1 && !st.op {
			c.report("%s: black text (100 %% K) does not overprint (no ExtGState with /op true)", where)
		}
	case f.space == "DeviceRGB":
		c.report("%s: text painted in RGB %s, more than black ink", where, values(f.v))
	default:
		if f.kind != "Separation" {
			c.report("%s: text painted in colour space /%s (%s), more than black ink", where, f.space, f.kind)
		}
	}
}

// spaceKind returns the family of a colour space: a device space's own name, or the
// first element of a resource space's array.
func (c *checker) spaceKind(res types.Dict, n string) string {
	switch n {
	case "DeviceGray", "DeviceRGB", "DeviceCMYK", "Pattern":
		return n
	}
	spaces, _ := c.ctx.DereferenceDict(entry(res, "ColorSpace"))
	o, _ := c.ctx.Dereference(entry(spaces, n))
	if a, ok := o.(types.Array); ok && len(a) > 0 {
		if fam, ok := a[0].(types.Name); ok {
			return string(fam)
		}
	}
	if nm, ok := o.(types.Name); ok {
		return string(nm)
	}
	return "unknown"
}

// extGState applies the overprint entries of a graphics state resource.
func (c *checker) extGState(res types.Dict, n string, st *gstate) {
	states, _ := c.ctx.DereferenceDict(entry(res, "ExtGState"))
	d, _ := c.ctx.DereferenceDict(entry(states, n))
	if d == nil {
		return
	}
	if b := d.BooleanEntry("OP"); b != nil {
		st.OP = *b
		st.op = *b // op defaults to OP
	}
	if b := d.BooleanEntry("op"); b != nil {
		st.op = *b
	}
}

// xobject checks a drawn image (resolution as placed, colour space) or form (its
// content, fonts and images).
func (c *checker) xobject(where string, res types.Dict, n string, ctm matrix, depth int) {
	xs, _ := c.ctx.DereferenceDict(entry(res, "XObject"))
	sd, _, err := c.ctx.DereferenceStreamDict(entry(xs, n))
	if err != nil || sd == nil {
		c.report("%s: XObject /%s is missing", where, n)
		return
	}
	sub := sd.NameEntry("Subtype")
	switch {
	case sub != nil && *sub == "Image":
		c.image(where, n, sd, ctm, res)
	case sub != nil && *sub == "Form" && depth < maxFormDepth:
		if err := sd.Decode(); err != nil {
			c.report("%s: form /%s cannot be decoded: %v", where, n, err)
			return
		}
		m := ctm
		if a, err := c.ctx.DereferenceArray(entry(sd.Dict, "Matrix")); err == nil && len(a) == 6 {
			var fm matrix
			for i, o := range a {
				fm[i], _ = c.ctx.DereferenceNumber(o)
			}
			m = fm.times(ctm)
		}
		fres, _ := c.ctx.DereferenceDict(entry(sd.Dict, "Resources"))
		if fres == nil {
			fres = res
		}
		c.fonts(where+", form /"+n, fres)
		c.content(where+", form /"+n, sd.Content, fres, m, depth+1)
	}
}

// image checks an image's resolution as placed and its colour space.
func (c *checker) image(where, n string, sd *types.StreamDict, ctm matrix, res types.Dict) {
	if m := sd.BooleanEntry("ImageMask"); m != nil && *m {
		return
	}
	w, h := sd.IntEntry("Width"), sd.IntEntry("Height")
	if w == nil || h == nil {
		c.report("%s: image /%s has no size", where, n)
		return
	}
	wIn, hIn := math.Hypot(ctm[0], ctm[1])/72, math.Hypot(ctm[2], ctm[3])/72
	if wIn > 0 && hIn > 0 {
		if ppi := math.Min(float64(*w)/wIn, float64(*h)/hIn); ppi < minPPI {
			c.report("%s: image /%s is %.0f ppi as placed (%d × %d pixels over %.1f × %.1f cm), under %d", where, n, ppi, *w, *h, wIn*2.54, hIn*2.54, minPPI)
		}
	}
	cs, _ := c.ctx.Dereference(entry(sd.Dict, "ColorSpace"))
	switch v := cs.(type) {
	case types.Name:
		if v == "DeviceRGB" {
			c.rgb(where, "image /"+n)
		}
	case types.Array:
		if len(v) >= 2 && v[0] == types.Name("Indexed") {
			if base, _ := c.ctx.Dereference(v[1]); base == types.Name("DeviceRGB") {
				c.rgb(where, "image /"+n+" (indexed)")
			}
		}
	}
}

// fonts checks that every font a resource dictionary names is embedded.
func (c *checker) fonts(where string, res types.Dict) {
	fonts, _ := c.ctx.DereferenceDict(entry(res, "Font"))
	names := make([]string, 0, len(fonts))
	for k := range fonts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		d, err := c.ctx.DereferenceDict(fonts[k])
		if err != nil || d == nil {
			continue
		}
		base := ""
		if b := d.NameEntry("BaseFont"); b != nil {
			base = *b
		}
		if !c.embedded(d) {
			c.report("%s: font /%s (%s) is not embedded", where, k, base)
		}
	}
}

// embedded reports whether a font dictionary's glyphs are in the file.
func (c *checker) embedded(d types.Dict) bool {
	sub := d.NameEntry("Subtype")
	if sub != nil && *sub == "Type3" {
		return true
	}
	if sub != nil && *sub == "Type0" {
		kids, _ := c.ctx.DereferenceArray(entry(d, "DescendantFonts"))
		if len(kids) == 0 {
			return false
		}
		if d, _ = c.ctx.DereferenceDict(kids[0]); d == nil {
			return false
		}
	}
	fd, _ := c.ctx.DereferenceDict(entry(d, "FontDescriptor"))
	for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
		if entry(fd, k) != nil {
			return true
		}
	}
	return false
}
