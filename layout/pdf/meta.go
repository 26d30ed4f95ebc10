package pdf

import (
	"broadsheet/layout/pdf/object"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"time"
)

// pdfDate is the moment the file says it was made and changed: the issue's date, or
// SOURCE_DATE_EPOCH when the build sets it, never the clock, so the same page gives
// the same bytes.
type pdfDate struct {
	t   time.Time
	set bool
}

// chinaTime is the papers' time zone, UTC+8, in which an issue's date begins.
var chinaTime = time.FixedZone("CST", 8*3600)

// epoch reads SOURCE_DATE_EPOCH (seconds since 1970, UTC); empty or invalid gives
// none, and the issue date is used.
func epoch(s string) pdfDate {
	n, err := strconv.ParseInt(s, 10, 64)
	if s == "" || err != nil || n < 0 {
		return pdfDate{}
	}
	return pdfDate{time.Unix(n, 0).UTC(), true}
}

// resolveDate returns the file's date: SOURCE_DATE_EPOCH if set, else midnight of the
// issue date in China, else none.
func resolveDate(d pdfDate, issue string) pdfDate {
	if d.set {
		return d
	}
	t, err := time.ParseInLocation("2006-01-02", issue, chinaTime)
	if err != nil {
		return pdfDate{}
	}
	return pdfDate{t, true}
}

// info returns the date as the document information writes it: D:20231121000000+08'00'.
func (d pdfDate) info() string {
	_, off := d.t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", d.t.Format("20060102150405"), sign, off/3600, off%3600/60)
}

// xmp returns the date as XMP writes it: 2023-11-21T00:00:00+08:00.
func (d pdfDate) xmp() string { return d.t.Format("2006-01-02T15:04:05-07:00") }

// metadata is what the Info dictionary and the XMP packet both say.
type metadata struct {
	title                  string
	date                   pdfDate
	documentID, instanceID [16]byte
}

// info returns the document information dictionary, agreeing with the XMP.
func (m metadata) info() *object.Dict {
	d := &object.Dict{}
	if m.title != "" {
		d.Set("Title", object.Text(m.title))
	}
	d.Set("Creator", object.Text(Producer))
	d.Set("Producer", object.Text(Producer))
	if m.date.set {
		d.Set("CreationDate", object.Text(m.date.info()))
		d.Set("ModDate", object.Text(m.date.info()))
	}
	d.Set("Trapped", object.Name("False"))
	d.Set("GTS_PDFXVersion", object.Text("PDF/X-4"))
	return d
}

// uuid formats an id as urn-style uuid:xxxxxxxx-xxxx-….
func uuid(id [16]byte) string {
	return fmt.Sprintf("uuid:%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
}

// xmp returns the XMP packet: Dublin Core title, the XMP basic dates, the PDF
// producer and trapping, the media-management ids, the PDF/X-4 and PDF/A-2b
// identification, and the PDF/A extension schema that declares pdfxid.
func (m metadata) xmp() []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n" +
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	el := func(tag, v string) {
		fmt.Fprintf(&b, "<%s>", tag)
		xml.EscapeText(&b, []byte(v))
		fmt.Fprintf(&b, "</%s>\n", tag)
	}
	// The extension schema comes first, in a description of its own, so a reader
	// knows pdfxid before it meets the property.
	b.WriteString(`<rdf:Description rdf:about=""` +
		` xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"` +
		` xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"` +
		` xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">` + "\n")
	b.WriteString(`<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">` + "\n")
	el("pdfaSchema:schema", "PDF/X ID Schema")
	el("pdfaSchema:namespaceURI", "http://www.npes.org/pdfx/ns/id/")
	el("pdfaSchema:prefix", "pdfxid")
	b.WriteString(`<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">` + "\n")
	el("pdfaProperty:name", "GTS_PDFXVersion")
	el("pdfaProperty:valueType", "Text")
	el("pdfaProperty:category", "internal")
	el("pdfaProperty:description", "ID of PDF/X standard")
	b.WriteString("</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
	b.WriteString("</rdf:Description>\n")
	b.WriteString(`<rdf:Description rdf:about=""` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:xmp="http://ns.adobe.com/xap/1.0/"` +
		` xmlns:pdf="http://ns.adobe.com/pdf/1.3/"` +
		` xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"` +
		` xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"` +
		` xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">` + "\n")
	el("dc:format", "application/pdf")
	if m.title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">`)
		xml.EscapeText(&b, []byte(m.title))
		b.WriteString("</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.date.set {
		el("xmp:CreateDate", m.date.xmp())
		el("xmp:ModifyDate", m.date.xmp())
		el("xmp:MetadataDate", m.date.xmp())
	}
	el("xmp:CreatorTool", Producer)
	el("pdf:Producer", Producer)
	el("pdf:Trapped", "False")
	el("xmpMM:DocumentID", uuid(m.documentID))
	el("xmpMM:InstanceID", uuid(m.instanceID))
	el("xmpMM:VersionID", "1")
	el("xmpMM:RenditionClass", "default")
	el("pdfxid:GTS_PDFXVersion", "PDF/X-4")
	el("pdfaid:part", "2")
	el("pdfaid:conformance", "B")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}
