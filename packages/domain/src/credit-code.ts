/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet without I, O, S, V and Z. Characters 3–8 are an administrative
 * division code, 9–17 an organization code (GB 11714, with its own check character), and
 * the 18th is a check character over the first 17 (weights 3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character of an 8-character organization code body. */
export function organizationCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Why the code is invalid, with CHECK_CHARACTER_MISMATCH when only its check character is wrong; null when valid. */
export function creditCodeFieldProblem(code: string): { message: string; code?: 'CHECK_CHARACTER_MISMATCH' } | null {
  const message = creditCodeProblem(code);
  if (!message) return null;
  return message === CHECK_MISMATCH ? { message, code: 'CHECK_CHARACTER_MISMATCH' } : { message };
}

const CHECK_MISMATCH = 'check character does not match';

/** Returns why the code is invalid, or null when it is a valid credit code. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  for (const c of code) if (!ALPHABET.includes(c)) return `contains "${c}", which is not allowed (no I, O, S, V, Z or lower case)`;
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return 'characters 3–8 must be an administrative division code';
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code.slice(8, 17)) || organizationCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    return 'characters 9–17 are not a valid organization code';
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return CHECK_MISMATCH;
  return null;
}

/**
 * Builds a valid code from its parts; used for synthetic data.
 * `department` and `category` are the first two characters, `division` six digits and
 * `orgBody` eight characters of [0-9A-Z].
 */
export function makeCreditCode(department: string, category: string, division: string, orgBody: string): string {
  const first17 = department + category + division + orgBody + organizationCodeCheckChar(orgBody);
  return first17 + creditCodeCheckChar(first17);
}
