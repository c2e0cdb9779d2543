import type { Page } from 'playwright-core';

/** Page models: what a user does on each screen, so tests read as the user's steps. */
export class SetupScreen {
  constructor(private readonly page: Page) {}

  async setUp(opts: {
    code: string;
    name: string;
    username: string;
    displayName: string;
    pin: string;
    demo?: boolean;
  }) {
    const p = this.page;
    await p.getByTestId('store-code').fill(opts.code);
    await p.getByTestId('store-name-input').fill(opts.name);
    await p.getByTestId('admin-username').fill(opts.username);
    await p.getByTestId('admin-name').fill(opts.displayName);
    await p.getByTestId('secret').fill(opts.pin);
    await p.getByTestId('secret-again').fill(opts.pin);
    if (opts.demo) await p.getByTestId('demo-check').check();
    await p.getByTestId('setup-submit').click();
  }
}

export class LoginScreen {
  constructor(private readonly page: Page) {}

  async signIn(username: string, secret: string) {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-secret').fill(secret);
    await this.page.getByTestId('login-secret').press('Enter');
  }

  error() {
    return this.page.getByTestId('login-error');
  }
}

export class ShellScreen {
  constructor(private readonly page: Page) {}

  async navigate(label: string) {
    await this.page.getByTestId('nav').getByText(label, { exact: true }).click();
  }

  async switchLanguage(label: '中文' | 'English') {
    await this.page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
  }

  async signOut(label: string) {
    await this.page.getByTestId('user-menu').hover();
    await this.page.getByText(label, { exact: true }).click();
  }

  /** The value of an API call made with the page's session; a failure throws with the API's message. */
  async value<T>(method: string, input: unknown = {}): Promise<T> {
    const res = await this.callApi(method, input);
    const body = res.body as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value as T;
  }

  /** Calls the API from inside the page, with the page's own cookie, as a curious user could. */
  callApi(method: string, input: unknown = {}) {
    return this.page.evaluate(
      async ([m, i]) => {
        const res = await fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(i),
        });
        return {
          status: res.status,
          body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } },
        };
      },
      [method, input] as const,
    );
  }
}
