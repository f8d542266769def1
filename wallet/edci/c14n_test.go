package edci

import (
	"strings"
	"testing"
)

// The examples of the W3C recommendations, where they need no DTD.
func TestCanonicalXML(t *testing.T) {
	cases := []struct {
		name, in, want string
		method         c14nMethod
		apex           string // local name of the apex element; "" for the document
	}{
		{
			// Canonical XML 1.0 §3.3 without the DTD (and so without
			// e9's defaulted attribute).
			name: "start and end tags",
			in: `<doc>
   <e1   />
   <e2   ></e2>
   <e3   name = "elem3"   id="elem3"   />
   <e4   name="elem4"   id="elem4"   ></e4>
   <e5 a:attr="out" b:attr="sorted" attr2="all" attr="I'm"
      xmlns:b="http://www.ietf.org"
      xmlns:a="http://www.w3.org"
      xmlns="http://example.org"/>
   <e6 xmlns="" xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="" xmlns:a="http://www.w3.org">
            <e9 xmlns="" xmlns:a="http://www.ietf.org"/>
         </e8>
      </e7>
   </e6>
</doc>`,
			want: `<doc>
   <e1></e1>
   <e2></e2>
   <e3 id="elem3" name="elem3"></e3>
   <e4 id="elem4" name="elem4"></e4>
   <e5 xmlns="http://example.org" xmlns:a="http://www.w3.org" xmlns:b="http://www.ietf.org" attr="I'm" attr2="all" b:attr="sorted" a:attr="out"></e5>
   <e6 xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="">
            <e9 xmlns:a="http://www.ietf.org"></e9>
         </e8>
      </e7>
   </e6>
</doc>`,
		},
		{
			// Canonical XML 1.0 §3.1, the part without a DTD.
			name: "PIs, comments and outside the root",
			in:   "<?xml version=\"1.0\"?>\n\n<?xml-stylesheet   href=\"doc.xsl\"\n   type=\"text/xsl\"   ?>\n\n<doc>Hello, world!<!-- Comment 1 --></doc>\n\n<?pi-without-data     ?>\n\n<!-- Comment 2 -->\n\n<!-- Comment 3 -->",
			want: "<?xml-stylesheet href=\"doc.xsl\"\n   type=\"text/xsl\"   ?>\n<doc>Hello, world!</doc>\n<?pi-without-data?>",
		},
		{
			name:   "with comments",
			in:     "<doc>Hello, world!<!-- Comment 1 --></doc>\n<!-- Comment 2 -->",
			want:   "<doc>Hello, world!<!-- Comment 1 --></doc>\n<!-- Comment 2 -->",
			method: c14nMethod{comments: true},
		},
		{
			// Canonical XML 1.0 §3.4, without the entity references a DTD
			// would declare.
			name: "character modifications",
			in: `<doc>
   <text>First line&#x0d;&#10;Second line</text>
   <value>&#x32;</value>
   <compute><![CDATA[value>"0" && value<"10" ?"valid":"error"]]></compute>
   <compute expr='value>"0" &amp;&amp; value&lt;"10" ?"valid":"error"'>valid</compute>
   <norm attr=' &apos;   &#x20;&#13;&#xa;&#9;   &apos; '/>
</doc>`,
			want: `<doc>
   <text>First line&#xD;
Second line</text>
   <value>2</value>
   <compute>value&gt;"0" &amp;&amp; value&lt;"10" ?"valid":"error"</compute>
   <compute expr="value>&quot;0&quot; &amp;&amp; value&lt;&quot;10&quot; ?&quot;valid&quot;:&quot;error&quot;">valid</compute>
   <norm attr=" '    &#xD;&#xA;&#x9;   ' "></norm>
</doc>`,
		},
		{
			name: "literal white space in attributes",
			in:   "<a b=\"x\r\ny\tz\nw\" c=\"&#9;\"/>",
			want: `<a b="x y z w" c="&#x9;"></a>`,
		},
		{
			// Exclusive XML Canonicalization §2.2: the inclusive
			// algorithm copies the ancestors' namespaces onto the apex...
			name:   "inclusive subset",
			in:     "<n0:local xmlns:n0=\"foo:bar\" xmlns:n3=\"ftp://example.org\"><n1:elem2 xmlns:n1=\"http://example.net\" xml:lang=\"en\">\n    <n3:stuff xmlns:n3=\"ftp://example.org\"/>\n  </n1:elem2></n0:local>",
			apex:   "elem2",
			want:   "<n1:elem2 xmlns:n0=\"foo:bar\" xmlns:n1=\"http://example.net\" xmlns:n3=\"ftp://example.org\" xml:lang=\"en\">\n    <n3:stuff></n3:stuff>\n  </n1:elem2>",
			method: c14nMethod{},
		},
		{
			// ... and the exclusive one only those used where used.
			name:   "exclusive subset",
			in:     "<n0:local xmlns:n0=\"foo:bar\" xmlns:n3=\"ftp://example.org\"><n1:elem2 xmlns:n1=\"http://example.net\" xml:lang=\"en\">\n    <n3:stuff xmlns:n3=\"ftp://example.org\"/>\n  </n1:elem2></n0:local>",
			apex:   "elem2",
			want:   "<n1:elem2 xmlns:n1=\"http://example.net\" xml:lang=\"en\">\n    <n3:stuff xmlns:n3=\"ftp://example.org\"></n3:stuff>\n  </n1:elem2>",
			method: c14nMethod{exclusive: true},
		},
		{
			name:   "exclusive with an inclusive prefix",
			in:     `<a:r xmlns:a="urn:a" xmlns:b="urn:b" xmlns="urn:d"><a:s><t/></a:s></a:r>`,
			apex:   "s",
			want:   `<a:s xmlns:a="urn:a" xmlns:b="urn:b"><t xmlns="urn:d"></t></a:s>`,
			method: c14nMethod{exclusive: true, prefixes: []string{"b"}},
		},
		{
			name:   "inclusive inherits xml attributes",
			in:     `<r xml:lang="fr" xml:space="preserve"><s xml:lang="en"><t/></s></r>`,
			apex:   "s",
			want:   `<s xml:lang="en" xml:space="preserve"><t></t></s>`,
			method: c14nMethod{},
		},
		{
			name:   "exclusive undeclares the default only where needed",
			in:     `<r xmlns="urn:d"><s xmlns=""><t/></s></r>`,
			want:   `<r xmlns="urn:d"><s xmlns=""><t></t></s></r>`,
			method: c14nMethod{exclusive: true},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, tc.in)
			apex := doc.top
			if tc.apex != "" {
				walk(doc.top, func(n *node) bool {
					if n.local == tc.apex && apex == doc.top {
						apex = n
					}
					return true
				})
			}
			got := string(canonicalise(nodeSet{apex: apex, comments: true}, tc.method))
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestCanonicalIdempotent: canonical XML parsed and canonicalised again
// is unchanged.
func TestCanonicalIdempotent(t *testing.T) {
	in := `<?pi x?><r xmlns="urn:d" xmlns:p="urn:p" p:b="2" a="1&#10;"><p:s>t&#13;&amp;&lt;</p:s><!--c--></r>`
	for _, m := range []c14nMethod{{}, {exclusive: true}, {comments: true}} {
		once := canonicalise(nodeSet{apex: mustParse(t, in).top}, m)
		twice := canonicalise(nodeSet{apex: mustParse(t, string(once)).top}, m)
		if string(once) != string(twice) || strings.Contains(string(once), "/>") {
			t.Errorf("%+v: %s then %s", m, once, twice)
		}
	}
}
