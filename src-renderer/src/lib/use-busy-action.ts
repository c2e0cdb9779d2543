import { App } from 'antd';
import { useState } from 'react';

/**
 * The actions of a document's page, one at a time: `busy` names the one
 * running (its button spins), the text it resolves to is shown as done, and
 * an error goes to `failed` (the page's form fields, or a toast).
 */
export function useBusyAction(failed: (err: unknown) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, action: () => Promise<string | void>) => {
    setBusy(key);
    try {
      const done = await action();
      if (done) void message.success(done);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
