import { creativeHtml, escapeHtml, referralLink } from "../creative-snippets"

describe("creative snippets", () => {
  const link = referralLink("http://shop.test", "/products/mug?color=red", "ref", "ANN")

  it("puts the partner's code on the landing page, keeping its query", () => {
    expect(link).toBe("http://shop.test/products/mug?color=red&ref=ANN")
    expect(referralLink("http://shop.test", "http://shop.test/sale", "aff", "A&B")).toBe("http://shop.test/sale?aff=A%26B")
  })

  it("escapes what an admin typed", () => {
    expect(escapeHtml(`<b a="1">'&`)).toBe("&lt;b a=&quot;1&quot;&gt;&#39;&amp;")
    expect(
      creativeHtml({ type: "banner", name: 'Big "sale"', image_url: "http://cdn.test/b.png", link_text: null, html: null }, link, "ANN")
    ).toBe(`<a href="http://shop.test/products/mug?color=red&amp;ref=ANN"><img src="http://cdn.test/b.png" alt="Big &quot;sale&quot;"></a>`)
    expect(creativeHtml({ type: "text_link", name: "n", image_url: null, link_text: "<Shop>", html: null }, link, "ANN")).toBe(
      `<a href="http://shop.test/products/mug?color=red&amp;ref=ANN">&lt;Shop&gt;</a>`
    )
  })

  it("fills an HTML snippet's placeholders", () => {
    expect(
      creativeHtml({ type: "html", name: "n", image_url: null, link_text: null, html: `<a href="{{link}}">Use {{ code }}</a>` }, link, "ANN")
    ).toBe(`<a href="http://shop.test/products/mug?color=red&amp;ref=ANN">Use ANN</a>`)
  })
})
