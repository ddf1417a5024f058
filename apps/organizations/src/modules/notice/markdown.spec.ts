import { noticeHtml } from './markdown';

describe('noticeHtml', () => {
  it('renders headings, lists, emphasis, tables and links', () => {
    const html = noticeHtml(
      '## 申报条件\n\n1. **按时**申报\n2. *如实*填写\n\n| 组 | 名额 |\n|:--|--:|\n| 人工智能 | 68 |\n\n详见 [官网](https://www.shzgh.org/)。',
    );
    expect(html).toContain('<h2>申报条件</h2>');
    expect(html).toContain('<ol>\n<li><strong>按时</strong>申报</li>');
    expect(html).toContain('<em>如实</em>');
    expect(html).toContain('<th style="text-align:left">组</th>');
    expect(html).toContain('<a href="https://www.shzgh.org/" rel="noopener noreferrer">官网</a>');
  });

  it('shows raw HTML as text, so no script, image or handler gets through', () => {
    const html = noticeHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<b onclick="x()">粗</b>');
    expect(html).not.toMatch(/<script|<img|<b\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops links to javascript:, data: and other schemes, keeping their text', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x']) {
      expect(noticeHtml(`[点我](${href})`)).not.toMatch(/href=/);
    }
    expect(noticeHtml('[邮件](mailto:office@example.org)')).toContain('href="mailto:office@example.org"');
  });

  it('turns a Markdown image into nothing it would load', () => {
    expect(noticeHtml('![x](https://example.org/track.png)')).not.toMatch(/<img/);
  });
});
