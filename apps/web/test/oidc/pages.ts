/** The test provider's own pages: its login and consent forms, plain HTML with labels. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

export function loginPage(uid: string, failed = false): string {
  return layout(
    '统一身份认证：登录',
    `${failed ? '<p role="alert" data-testid="login-failed">账号或密码不正确。</p>' : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label for="login">账号</label> <input id="login" name="login" autocomplete="username" required></p>
<p><label for="password">密码</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit" data-testid="provider-login">登录</button></p>
</form>`,
  );
}

export function consentPage(uid: string, clientId: string): string {
  return layout(
    '统一身份认证：授权',
    `<p>应用 <code>${escape(clientId)}</code> 请求读取您的身份与角色。</p>
<form method="post" action="/interaction/${escape(uid)}/confirm">
<p><button type="submit" data-testid="provider-consent">同意</button></p>
</form>`,
  );
}

export function sendPage(res: ServerResponse, html: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** A form's fields (application/x-www-form-urlencoded). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
