/**
 * RFC 8785 (JCS) test data.
 *
 * `CYBERPHONE_TESTDATA`: input and expected output files of the reference implementation
 * by the RFC's authors, https://github.com/cyberphone/json-canonicalization/tree/master/testdata
 * (input/*.json, output/*.json). Inputs are copied verbatim as raw strings. The outputs are
 * verbatim too, except that in unicode.json (U+1E0D U+0307) and weird.json (U+0080,
 * U+007F, which JCS writes unescaped, and U+FB33, which editors tend to decompose)
 * characters that cannot be told apart on screen are spelled as JavaScript escapes. arrays.json is left out: the repository has no output
 * for it.
 *
 * `README_SAMPLE`: the sample of that repository's README, with the UTF-8 bytes of the
 * expected output in hex, as given there.
 *
 * `APPENDIX_B`: RFC 8785 Appendix B, "Number Serialization Samples": IEEE 754 double in
 * hex and the expected JSON text (NaN and Infinity are listed there as errors).
 */

export interface JcsVector {
  readonly name: string;
  readonly input: string;
  readonly output: string;
}

export const CYBERPHONE_TESTDATA: readonly JcsVector[] = [
  {
    name: 'french',
    input: String.raw`{
  "peach": "This sorting order",
  "péché": "is wrong according to French",
  "pêche": "but canonicalization MUST",
  "sin":   "ingnore locale"
}
`,
    output: String.raw`{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ingnore locale"}`,
  },
  {
    name: 'structures',
    input: String.raw`{
  "1": {"f": {"f": "hi","F": 5} ,"\n": 56.0},
  "10": { },
  "": "empty",
  "a": { },
  "111": [ { } ],
  "A": { }
}`,
    output: String.raw`{"":"empty","1":{"\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}`,
  },
  {
    name: 'unicode',
    input: String.raw`{
  "Unnormalized Unicode":"\u1e0d\u0307"
}
`,
    output: '{"Unnormalized Unicode":"\u1e0d\u0307"}',
  },
  {
    name: 'values',
    input: String.raw`{
  "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],
  "escaping": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`,
    output: String.raw`{"escaping":"€$\u000f\nA'B\"\\\\\"/","literals":[null,true,false],"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}`,
  },
  {
    name: 'weird',
    input: String.raw`{
  "\u20ac": "Euro Sign",
  "1": "One",
  "\u0080": "Control\u007f",
  "\ud83d\ude02": "Smiley",
  "\u00f6": "Latin Small Letter O With Diaeresis",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "</script>": "Browser Challenge"
}
`,
    output:
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😂":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  },
];

export const README_SAMPLE = {
  input: String.raw`{
  "numbers": [1E30,4.50,6,2e-3,0.000000000000000000000000001],
  "escaping": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "other":  [null, true, false]
}`,
  output: String.raw`{"escaping":"€$\u000f\nA'B\"\\\\\"/","numbers":[1e+30,4.5,6,0.002,1e-27],"other":[null,true,false]}`,
  utf8Hex: `
7b 22 65 73 63 61 70 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c
5c 5c 5c 22 2f 22 2c 22 6e 75 6d 62 65 72 73 22 3a 5b 31 65 2b 33 30 2c 34 2e 35 2c 36 2c 30 2e
30 30 32 2c 31 65 2d 32 37 5d 2c 22 6f 74 68 65 72 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61
6c 73 65 5d 7d`,
};

/** [IEEE 754 hex, expected JSON text]; NaN and Infinity are errors, listed separately. */
export const APPENDIX_B: readonly (readonly [string, string])[] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

/** Appendix B entries that a compliant implementation must refuse. */
export const APPENDIX_B_ERRORS: readonly (readonly [string, string])[] = [
  ['7fffffffffffffff', 'NaN'],
  ['7ff0000000000000', 'Infinity'],
];
