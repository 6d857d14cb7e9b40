// E-mails built in the tests, as Thunderbird writes them (MIME, base64 attachments, encoded words).

const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');

export interface MailTeilSpec {
  name: string;
  type: string;
  inhalt: Buffer;
}

export function thunderbirdMail(opts: {
  betreff?: string;
  text?: string;
  anlagen?: MailTeilSpec[];
  /** Attached messages (forwarded as attachment), filed raw as message/rfc822. */
  mails?: { name: string; inhalt: Buffer }[];
  grenze?: string;
}): Buffer {
  const grenze = opts.grenze ?? `------------${Math.random().toString(36).slice(2, 14)}`;
  const alt = `${grenze}alt`;
  const text = opts.text ?? 'Sehr geehrte Damen und Herren,\r\n\r\nanbei der Bauantrag für das Flurstück Lindenhof 12.\r\n\r\nMit freundlichen Grüßen\r\nErika Müller';
  const teile = [
    `--${grenze}\r\nContent-Type: multipart/alternative; boundary="${alt}"\r\n\r\n` +
      `--${alt}\r\nContent-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}\r\n` +
      `--${alt}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><head><style>p{}</style></head><body><p>${text.replace(/\r\n/g, '<br>')}</p><script>alert(1)</script></body></html>\r\n` +
      `--${alt}--\r\n`,
    ...(opts.anlagen ?? []).map(
      (a) => `--${grenze}\r\nContent-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(a.inhalt)}\r\n`,
    ),
    ...(opts.mails ?? []).map((m) => `--${grenze}\r\nContent-Type: message/rfc822; name="${m.name}"\r\nContent-Disposition: attachment; filename="${m.name}"\r\n\r\n${m.inhalt.toString('utf8')}\r\n`),
  ];
  const kopf = [
    'Received: from mx.example.org (mx.example.org [192.0.2.10])\r\n\tby mail.landratsamt.example (Postfix) with ESMTPS id 4F2A1\r\n\tfor <bauamt@landratsamt.example>; Tue, 3 Mar 2026 07:12:44 +0100 (CET)',
    'Message-ID: <a1b2c3d4-e5f6@example.org>',
    'Date: Mon, 2 Mar 2026 18:45:10 +0100',
    'MIME-Version: 1.0',
    'User-Agent: Mozilla Thunderbird',
    'Content-Language: de-DE',
    'To: Bauamt <bauamt@landratsamt.example>',
    'Cc: Max Mustermann <max@example.org>',
    'From: =?UTF-8?Q?Erika_M=C3=BCller?= <erika.mueller@example.org>',
    `Subject: ${opts.betreff ?? '=?UTF-8?Q?Bauantrag_Flurst=C3=BCck_Lindenhof_12?='}`,
    `Content-Type: multipart/mixed; boundary="${grenze}"`,
  ];
  return Buffer.from(`${kopf.join('\r\n')}\r\n\r\nThis is a multi-part message in MIME format.\r\n${teile.join('')}--${grenze}--\r\n`, 'utf8');
}
