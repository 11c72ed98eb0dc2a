import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, documentWithEntities, renderEntities } from '../../../../scripts/data-model-doc.js';

describe('docs/data-model.md', () => {
  it('holds exactly the item types and access patterns the declarations give (npm run docs:data)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toContain(renderEntities());
    expect(documentWithEntities(doc)).toBe(doc);
  });

  it('lists every declared item type', () => {
    expect(renderEntities()).toMatch(/\| organisation \| `ORG#<id>` \|/);
    expect(renderEntities()).toMatch(/\| user \| `USER#<id>` \|/);
  });
});
