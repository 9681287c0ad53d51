-- Presence across processes (PostgreSQL only; on SQLite presence lives in the one process's
-- memory). One row per open document stream: who, where their caret is, and when their process
-- last vouched for it. A process that dies stops vouching: its rows expire after 30 s
-- (lib/collab/bus.ts). UNLOGGED: carets need no crash safety, and writes skip the WAL.
CREATE UNLOGGED TABLE "presence" (
	"session_id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"selection" jsonb,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "presence_document_idx" ON "presence" ("document_id", "seen_at");
