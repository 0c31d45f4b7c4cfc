import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

/** SMTP through nodemailer. Without SMTP_URL it is disabled and notices stay queued. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(config: AppConfig) {
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Resolves once the server accepted the message for the recipient; rejects otherwise. */
  async send(message: SendMailOptions): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    const info = await this.transport.sendMail(message);
    if (info.rejected?.length) throw new Error(`recipient rejected: ${String(info.response ?? '')}`);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
