import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../src-renderer/src/components/LanguageSwitch';

/** The signed-out screens' frame: the language switch above a titled card, centred. */
export function AuthCard(props: { title: string; hqName: string; width: number; children: ReactNode }) {
  return (
    <div style={{ maxWidth: props.width, margin: '10vh auto', padding: '0 16px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="hq-name">
          {props.hqName}
        </Typography.Text>
        <LanguageSwitch />
      </div>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {props.title}
        </Typography.Title>
        {props.children}
      </Card>
    </div>
  );
}
