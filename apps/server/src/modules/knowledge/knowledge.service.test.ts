import { plainSnippet } from './knowledge.service';

describe('plainSnippet', () => {
  it('removes tags, Markdown syntax and link targets, keeping the words and the highlight markers', () => {
    const s = plainSnippet("## Шаги\n<script>alert('x')</script> **\uE000договор\uE001** и [ссылка](javascript:alert(1)) `код` <img src=x onerror=y>");
    expect(s).toBe("Шаги alert('x') \uE000договор\uE001 и ссылка код");
  });

  it('drops a tag cut off at the end of a fragment', () => {
    expect(plainSnippet('текст <a href="http://x')).toBe('текст');
  });
});
