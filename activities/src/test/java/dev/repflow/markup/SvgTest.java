package dev.repflow.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repflow.markup.Svg.Anchor;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class SvgTest {
  @Test
  void escapesTextAndAttributesAndTreatsNullAsEmpty() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Markup.escape("a <b> & \"c\""));
    assertEquals("", Markup.escape(null));
  }

  @Test
  void writesEveryNumberWithOneDecimalAndEscapesText() throws Exception {
    String svg =
        Svg.scalable(200, 100, 11)
            .text(10, 18, Anchor.START, 13, "title <&>")
            .frame(5, 6, 100, 50, "#999")
            .line(1, 2.25, 3, 4, "#eee")
            .line(1, 2, 3, 4, "black", 1.5)
            .circle(7.04, 8, 2.5, "red")
            .polyline(List.of(new Svg.Point(1, 2), new Svg.Point(3.333, 4)), "red", 2)
            .verticalText(14, 50, "y \"label\"")
            .close();

    assertEquals(
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" \
        font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="10.0" y="18.0" text-anchor="start" font-size="13">title &lt;&amp;&gt;</text>
        <rect x="5.0" y="6.0" width="100.0" height="50.0" fill="none" stroke="#999"/>
        <line x1="1.0" y1="2.3" x2="3.0" y2="4.0" stroke="#eee"/>
        <line x1="1.0" y1="2.0" x2="3.0" y2="4.0" stroke="black" stroke-width="1.5"/>
        <circle cx="7.0" cy="8.0" r="2.5" fill="red"/>
        <polyline fill="none" stroke="red" stroke-width="2.0" points="1.0,2.0 3.3,4.0"/>
        <text x="14.0" y="50.0" text-anchor="middle" transform="rotate(-90 14.0 50.0)">\
        y &quot;label&quot;</text>
        </svg>
        """,
        svg);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(svg)));
    Element title = (Element) doc.getElementsByTagName("text").item(0);
    assertEquals("title <&>", title.getTextContent());
  }

  @Test
  void aSizedDrawingHasNoViewBox() {
    String svg = Svg.sized(30, 20, 12).close();
    assertEquals(
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" font-family="sans-serif" \
        font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        </svg>
        """,
        svg);
  }
}
