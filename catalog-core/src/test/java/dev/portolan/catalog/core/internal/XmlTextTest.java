package dev.portolan.catalog.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class XmlTextTest {

  @Test
  void of_plainText_returnedAsIs() {
    String text = "component:default/x: spec.owner: expected a ref\n\tsecond line ✓ \ud83d\ude00";
    assertThat(XmlText.of(text)).isSameAs(text);
  }

  @Test
  void of_carriageReturns_becomeLineFeeds() {
    assertThat(XmlText.of("a\r\nb\rc\r")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void of_controlCharactersAndLoneSurrogates_escaped() {
    assertThat(XmlText.of("a\u0007b\ud800c\uffffd\u0000")).isEqualTo("a\\u0007b\\uD800c\\uFFFFd\\u0000");
  }

  @Property(tries = 300)
  void of_anyText_readsBackAsWrittenFromAnXmlElement(@ForAll String text) throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    w.writeStartDocument("UTF-8", "1.0");
    w.writeStartElement("m");
    w.writeCharacters(XmlText.of(text));
    w.writeEndElement();
    w.writeEndDocument();
    w.flush();

    String read = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(out.toString()))).getDocumentElement().getTextContent();

    assertThat(read).isEqualTo(XmlText.of(text));
  }
}
