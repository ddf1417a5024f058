import { DomainError, InvalidInput } from '@meritgraph/domain';
import { failuresOf } from './route';

describe(failuresOf.name, () => {
  it("places each refused item of a batch at its row, listing every bad field of an item's BAD_USER_INPUT", () => {
    const refused = new DomainError('BATCH_REFUSED', '2 of 3 organizations were refused', 'inputs', {
      errors: [
        { index: 0, code: 'ALREADY_EXISTS', field: 'creditCode', message: 'taken' },
        {
          index: 2,
          code: 'BAD_USER_INPUT',
          field: 'name',
          message: 'name: too long; district: too long',
          problems: [
            { field: 'name', message: 'too long' },
            { field: 'district', message: 'too long' },
          ],
        },
      ],
    });
    expect(failuresOf(refused, 10)).toEqual([
      { index: 10, field: 'creditCode', code: 'ALREADY_EXISTS', message: 'taken' },
      { index: 12, field: 'name', code: 'BAD_USER_INPUT', message: 'too long' },
      { index: 12, field: 'district', code: 'BAD_USER_INPUT', message: 'too long' },
    ]);
  });

  it('places the refusal of a batch of one at that row', () => {
    expect(failuresOf(new InvalidInput([{ field: 'kind', message: 'unknown' }]), 4)).toEqual([
      { index: 4, field: 'kind', code: 'BAD_USER_INPUT', message: 'unknown' },
    ]);
  });

  it('lets a fault that is not a refusal through', () => {
    expect(() => failuresOf(new Error('connection lost'))).toThrow('connection lost');
  });
});
