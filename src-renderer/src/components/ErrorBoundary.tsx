import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  message: (ref: string) => string;
  reloadLabel: string;
  /** Writes the error where support can find it (the app's backend log); resolves to its reference there. */
  report(error: unknown): Promise<string>;
}

/** A screen that fails to render shows a way out and a reference to the log, not a white page. */
export class ErrorBoundary extends Component<Props, { ref: string | null }> {
  override state = { ref: null as string | null };

  static getDerivedStateFromError(): { ref: string } {
    return { ref: '…' };
  }

  override componentDidCatch(error: unknown): void {
    void this.props.report(error).then((ref) => this.setState({ ref }));
  }

  override render() {
    if (this.state.ref === null) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.message(this.state.ref)}
        extra={<Button onClick={() => location.reload()}>{this.props.reloadLabel}</Button>}
      />
    );
  }
}
