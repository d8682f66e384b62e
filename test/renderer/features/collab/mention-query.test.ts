/** The @mention autocomplete's text logic: which query is open at the caret, who matches, and the insert. */
import { describe, expect, it } from 'vitest';
import { activeMention, applyMention, mentionSuggestions } from '../../../../renderer/src/features/collab/comments/mention-query.js';

const people = [{ id: 'a', name: 'Ann Lee' }, { id: 'b', name: 'Bob' }, { name: 'Lena Ström' }];

describe('mention autocomplete', () => {
  it('finds the query between the @ and the caret, not in e-mail addresses or across lines', () => {
    expect(activeMention('hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('hi @Ann L', 9)).toEqual({ start: 3, query: 'Ann L' });
    expect(activeMention('mail@an', 7)).toBeNull();
    expect(activeMention('@ann\nmore', 9)).toBeNull();
    expect(activeMention('@ an', 4)).toBeNull();
    expect(activeMention('no mention', 10)).toBeNull();
  });

  it('suggests names starting with the query first, then names with a word starting with it', () => {
    expect(mentionSuggestions(people, 'l').map((p) => p.name)).toEqual(['Lena Ström', 'Ann Lee']);
    expect(mentionSuggestions(people, 'ann l').map((p) => p.name)).toEqual(['Ann Lee']);
    expect(mentionSuggestions(people, 'ann x')).toEqual([]);
    expect(mentionSuggestions(people, '')).toHaveLength(3);
  });

  it('replaces the query with the full name and a space, and puts the caret after it', () => {
    const text = 'ping @bo please';
    const m = activeMention(text, 8)!;
    expect(applyMention(text, m, 8, { id: 'b', name: 'Bob' })).toEqual({ text: 'ping @Bob please', caret: 10 });
  });
});
