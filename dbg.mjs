import { spawn } from 'node:child_process';
const url = process.argv[2];
const r = await fetch(url + '/api/session.login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', secret: '1234' }) });
const cookie = r.headers.get('set-cookie').split(';')[0];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const res = await fetch(url + '/api/items.list', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' });
  const text = await res.text();
  console.log('items.list', (performance.now() - t0).toFixed(0), 'ms', (text.length / 1e6).toFixed(1), 'MB');
}
