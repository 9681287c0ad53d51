import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, expectError } from './client';

let anon: ApiClient;
let reviewer: ApiClient;
let editor: ApiClient;
let viewer: ApiClient;
let sampleId: string;
const otherId = () => inject('otherDocumentId');

beforeAll(async () => {
  anon = new ApiClient();
  [reviewer, editor, viewer] = await Promise.all([
    ApiClient.as('reviewer@factdesk.test'),
    ApiClient.as('editor@factdesk.test'),
    ApiClient.as('viewer@factdesk.test'),
  ]);
  const list = await reviewer.get(`/api/documents?q=${encodeURIComponent('NATO und Russland: Streit um Sicherheitsgarantien')}`);
  sampleId = list.body.documents.find((d: { title: string }) => d.title === 'NATO und Russland: Streit um Sicherheitsgarantien').id;
});

async function documentCount() {
  return (await editor.get('/api/documents')).body.total as number;
}

describe('GET /api/documents', () => {
  it('requires authentication', async () => {
    expectError(await anon.get('/api/documents'), 401, 'unauthenticated');
  });

  it('lists the documents of the caller’s workspaces only, with title, language, status, last edit and editor', async () => {
    const res = await viewer.get(`/api/documents?q=${encodeURIComponent('Streit um Sicherheitsgarantien')}`);
    expect(res.status).toBe(200);
    const sample = res.body.documents.find((d: { id: string }) => d.id === sampleId);
    expect(sample).toMatchObject({
      title: 'NATO und Russland: Streit um Sicherheitsgarantien',
      language: 'de',
      status: 'draft',
      updatedByName: expect.any(String),
    });
    expect(new Date(sample.updatedAt).getTime()).not.toBeNaN();
    expect(res.body.documents.map((d: { id: string }) => d.id)).not.toContain(otherId());
  });
});

describe('POST /api/documents', () => {
  const valid = { title: 'Test article', language: 'en', format: 'text', content: 'First paragraph.\nSecond paragraph.' };

  it('requires authentication', async () => {
    expectError(await anon.post('/api/documents', valid), 401, 'unauthenticated');
  });

  it('refuses viewers with 403 and creates nothing', async () => {
    const before = await documentCount();
    expectError(await viewer.post('/api/documents', valid), 403, 'forbidden');
    expect(await documentCount()).toBe(before);
  });

  it('answers a workspace of which the caller is not a member with 404', async () => {
    const res = await editor.post('/api/documents', { ...valid, workspaceId: 'not-my-workspace' });
    expectError(res, 404, 'not_found');
  });

  it('answers bad input with 400 and creates nothing', async () => {
    const before = await documentCount();
    expectError(await editor.post('/api/documents', '{"title": ', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await editor.post('/api/documents', { ...valid, title: 42 }), 400, 'invalid:body');
    expectError(await editor.post('/api/documents', { ...valid, title: '   ' }), 400, 'invalid:body');
    expectError(await editor.post('/api/documents', { ...valid, title: '<img src=x onerror=alert(1)>' }), 400, 'invalid:body');
    expectError(await editor.post('/api/documents', { ...valid, language: 'not a language!' }), 400, 'invalid:body');
    expectError(await editor.post('/api/documents', { ...valid, sourceUrl: 'javascript:alert(1)' }), 400, 'invalid:body');
    expectError(await editor.post('/api/documents', { ...valid, format: 'pdf' }), 400, 'invalid:body');
    expectError(await editor.post('/api/documents', { ...valid, content: '   \n  ' }), 400, 'invalid:content');
    expectError(await editor.post('/api/documents', [1, 2, 3]), 400, 'invalid:body');
    expect(await documentCount()).toBe(before);
  });

  it('refuses an article over the size limit with 413', async () => {
    const before = await documentCount();
    const res = await editor.post('/api/documents', { ...valid, content: 'x'.repeat(2_000_001) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
    expect(res.body.error.message).toMatch(/2,000,000 characters/);
    const huge = await editor.post('/api/documents', { ...valid, content: 'x'.repeat(9 * 1024 * 1024) });
    expectError(huge, 413, 'too_large');
    expect(await documentCount()).toBe(before);
  });

  it('creates a document from pasted plain text, one paragraph per line, and records who made it', async () => {
    const res = await editor.post('/api/documents', valid);
    expect(res.status).toBe(201);
    const got = await reviewer.get(`/api/documents/${res.body.document.id}`);
    expect(got.body.document).toMatchObject({ title: 'Test article', language: 'en', status: 'draft', version: 0 });
    expect(got.body.document.doc.content.map((p: { content: { text: string }[] }) => p.content[0]!.text)).toEqual([
      'First paragraph.',
      'Second paragraph.',
    ]);
    const list = await reviewer.get('/api/documents');
    expect(list.body.documents[0]).toMatchObject({ id: res.body.document.id, updatedByName: 'Erik Editor' });
  });

  it('keeps structure from Markdown and drops raw HTML', async () => {
    const content = '# Headline\n\nSome **bold** and *italic* with a [link](https://example.org/a).\n\n- one\n- two\n\n> quoted\n\n<script>alert(1)</script>';
    const res = await reviewer.post('/api/documents', { ...valid, format: 'markdown', content });
    expect(res.status).toBe(201);
    const doc = (await reviewer.get(`/api/documents/${res.body.document.id}`)).body.document.doc;
    expect(doc.content.map((n: { type: string }) => n.type)).toEqual(['heading', 'paragraph', 'bullet_list', 'blockquote']);
    const json = JSON.stringify(doc);
    expect(json).toContain('"type":"strong"');
    expect(json).toContain('"type":"em"');
    expect(json).toContain('"href":"https://example.org/a"');
    expect(json).not.toMatch(/script|alert/);
  });

  it('keeps structure from HTML and drops scripts, styles, unknown markup and unsafe links', async () => {
    const content =
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h2>Title</h2><p>Text <b>bold</b> <i>it</i> <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">good</a></p><custom-widget onclick="x()">inner</custom-widget><ol><li>a</li></ol><blockquote><p>q</p></blockquote></body></html>';
    const res = await editor.post('/api/documents', { ...valid, format: 'html', content });
    expect(res.status).toBe(201);
    const doc = (await editor.get(`/api/documents/${res.body.document.id}`)).body.document.doc;
    const json = JSON.stringify(doc);
    expect(doc.content.map((n: { type: string }) => n.type)).toEqual(['heading', 'paragraph', 'paragraph', 'ordered_list', 'blockquote']);
    expect(json).not.toMatch(/alert|color:red|javascript|onclick/);
    expect(json).toContain('https://ok.example/');
    expect(json).toContain('"text":"inner"');
  });

  it('creates a document from an uploaded .md file, titled after its heading (or the file when it has none)', async () => {
    const form = new FormData();
    form.set('file', new File(['# Über Spanien\n\n¿Es verdad? Sí, mañana.'], 'spanien-bericht.md', { type: 'text/markdown' }));
    form.set('language', 'es');
    const res = await editor.post('/api/documents', form);
    expect(res.status).toBe(201);
    const got = (await editor.get(`/api/documents/${res.body.document.id}`)).body.document;
    expect(got.title).toBe('Über Spanien');
    expect(got.language).toBe('es');
    expect(JSON.stringify(got.doc)).toContain('¿Es verdad? Sí, mañana.');
    const untitled = new FormData();
    untitled.set('file', new File(['¿Es verdad? Sí, mañana.'], 'spanien_bericht.md', { type: 'text/markdown' }));
    untitled.set('language', 'es');
    const second = await editor.post('/api/documents', untitled);
    expect(second.body.document.title).toBe('spanien bericht');
  });

  it('refuses other file types and non-UTF-8 files with a clear message', async () => {
    const before = await documentCount();
    const pdf = new FormData();
    pdf.set('file', new File(['%PDF-1.4'], 'report.pdf'));
    pdf.set('language', 'de');
    const res = await editor.post('/api/documents', pdf);
    expectError(res, 415, 'unsupported_media_type');
    expect(res.body.error.message).toMatch(/\.docx, \.html, \.md or \.txt/);
    const latin1 = new FormData();
    latin1.set('file', new File([new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65])], 'gruesse.txt'));
    latin1.set('language', 'de');
    expectError(await editor.post('/api/documents', latin1), 415, 'unsupported_media_type');
    const noFile = new FormData();
    noFile.set('language', 'de');
    expectError(await editor.post('/api/documents', noFile), 400, 'invalid:body');
    expect(await documentCount()).toBe(before);
  });
});

describe('GET /api/documents/:id', () => {
  it('requires authentication', async () => {
    expectError(await anon.get(`/api/documents/${sampleId}`), 401, 'unauthenticated');
  });

  it('answers unknown ids and documents of other workspaces with the same 404', async () => {
    const unknown = await viewer.get('/api/documents/does-not-exist');
    const foreign = await viewer.get(`/api/documents/${otherId()}`);
    expectError(unknown, 404, 'not_found');
    expectError(foreign, 404, 'not_found');
    expect(foreign.body).toEqual(unknown.body);
  });

  it('returns the document with its content, version and the caller’s permissions', async () => {
    const res = await viewer.get(`/api/documents/${sampleId}`);
    expect(res.status).toBe(200);
    expect(res.body.document).toMatchObject({ id: sampleId, language: 'de', role: 'viewer' });
    expect(res.body.document.permissions).toMatchObject({ 'document:read': true, 'document:edit': false, 'document:delete': false });
    expect(JSON.stringify(res.body.document.doc)).toContain('Die NATO geht davon aus');
  });
});

describe('PATCH /api/documents/:id', () => {
  it('requires authentication', async () => {
    expectError(await anon.patch(`/api/documents/${sampleId}`, { title: 'x' }), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404', async () => {
    expectError(await editor.patch(`/api/documents/${otherId()}`, { title: 'Mine now' }), 404, 'not_found');
  });

  it('refuses viewers with 403', async () => {
    expectError(await viewer.patch(`/api/documents/${sampleId}`, { title: 'Viewer title' }), 403, 'forbidden');
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const before = (await editor.get(`/api/documents/${sampleId}`)).body.document;
    expectError(await editor.patch(`/api/documents/${sampleId}`, 'nope', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await editor.patch(`/api/documents/${sampleId}`, {}), 400, 'invalid:body');
    expectError(await editor.patch(`/api/documents/${sampleId}`, { title: '' }), 400, 'invalid:body');
    expectError(await editor.patch(`/api/documents/${sampleId}`, { title: 'ok', status: 'signed_off' }), 400, 'invalid:body');
    expectError(await editor.patch(`/api/documents/${sampleId}`, { title: '<b>x</b>' }), 400, 'invalid:body');
    expectError(await editor.patch(`/api/documents/${sampleId}`, { sourceUrl: 'data:text/html,hi' }), 400, 'invalid:body');
    const after = (await editor.get(`/api/documents/${sampleId}`)).body.document;
    expect(after).toEqual(before);
  });

  it('renames a document and normalises language and source URL', async () => {
    const created = await editor.post('/api/documents', { title: 'Old title', language: 'de', content: 'Text.' });
    const id = created.body.document.id;
    const res = await reviewer.patch(`/api/documents/${id}`, { title: '  New title  ', language: 'DE-at', sourceUrl: 'https://Example.org/story' });
    expect(res.status).toBe(200);
    expect(res.body.document).toMatchObject({ title: 'New title', language: 'de-AT', sourceUrl: 'https://example.org/story' });
    expect((await viewer.get(`/api/documents/${id}`)).body.document.title).toBe('New title');
  });
});

describe('DELETE /api/documents/:id', () => {
  it('requires authentication', async () => {
    expectError(await anon.delete(`/api/documents/${sampleId}`), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404', async () => {
    expectError(await editor.delete(`/api/documents/${otherId()}`), 404, 'not_found');
  });

  it('refuses reviewers and viewers with 403 and keeps the document', async () => {
    expectError(await reviewer.delete(`/api/documents/${sampleId}`), 403, 'forbidden');
    expectError(await viewer.delete(`/api/documents/${sampleId}`), 403, 'forbidden');
    expect((await viewer.get(`/api/documents/${sampleId}`)).status).toBe(200);
  });

  it('lets an editor delete: the document is gone from the list and its URL', async () => {
    const created = await editor.post('/api/documents', { title: 'To delete', language: 'en', content: 'Bye.' });
    const id = created.body.document.id;
    const res = await editor.delete(`/api/documents/${id}`);
    expect(res.status).toBe(204);
    expectError(await editor.get(`/api/documents/${id}`), 404, 'not_found');
    expect((await editor.get('/api/documents?q=delete')).body.documents.map((d: { id: string }) => d.id)).not.toContain(id);
    expectError(await editor.delete(`/api/documents/${id}`), 404, 'not_found');
  });
});
