/** Each unit-test worker gets its own temporary SQLite file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-unit-'));
process.env.DATABASE_PATH = path.join(dir, 'unit.db');
