import { describe, expect, it } from 'vitest';
import { projectCcmpp, type CcmppInput } from './ccmpp.ts';
import { isDemographyError } from './errors.ts';
import box from './fixtures/preston-box-6-2-sweden-1993.json' with { type: 'json' };

// Preston, Heuveline & Guillot (2001) Box 6.2: Swedish females 1993 → 1998, with the inputs and the
// conventions of Wheldon's CCMPP test (fixtures/, MIT). Males get the same inputs there, so they
// differ only in the 0–4 group (the sex ratio at birth).
const { inputs } = box;
const survival = { births: inputs.surv_0_births, ratios: inputs.surv_props };
const boxInput = (over: Partial<CcmppInput> = {}): CcmppInput => ({
  width: 5,
  base: { female: inputs.base_pop_female_1993, male: inputs.base_pop_female_1993 },
  steps: [
    {
      fertility: inputs.fert_rates,
      srb: box.conventions.srb,
      survival: { female: survival, male: survival },
      migration: { female: inputs.mig_props, male: inputs.mig_props },
    },
  ],
  ...over,
});

describe('single-region CCMPP', () => {
  it('reproduces Preston Box 6.2 (Sweden, females 1993 → 1998) to the published rounding', () => {
    const r = projectCcmpp(boxInput());
    expect(r.female[1]!.map(Math.round)).toEqual(box.expected.female_1998);
    expect(r.male[1]!.map(Math.round)).toEqual(box.expected.male_1998_same_inputs);
  });

  it("'survivors' leaves the end-of-step migrants out of the births and nothing else", () => {
    const box62 = projectCcmpp(boxInput());
    const survivors = projectCcmpp(boxInput({ birthsExposure: 'survivors' }));
    const endMigrants = inputs.mig_props.map((g, a) => 0.5 * g * 5 * inputs.base_pop_female_1993[a]!);
    const theirBirths = inputs.fert_rates.reduce((s, f, a) => s + 2.5 * f * endMigrants[a]!, 0);
    expect(box62.births[0]! - survivors.births[0]!).toBeCloseTo(theirBirths, 6);
    expect(survivors.female[1]!.slice(1)).toEqual(box62.female[1]!.slice(1));
    expect(survivors.female[1]![0]).toBeLessThan(box62.female[1]![0]!);
  });

  it('a closed last group drops the survivors of the 80+ group', () => {
    const open = projectCcmpp(boxInput()).female[1]!;
    const closed = projectCcmpp(boxInput({ lastGroup: 'closed' })).female[1]!;
    expect(closed.slice(0, 16)).toEqual(open.slice(0, 16));
    expect(open[16]! - closed[16]!).toBeCloseTo(
      254414 * (1 + 0.5 * 5 * inputs.mig_props[16]!) * inputs.surv_props[16]!,
      6,
    );
  });

  it('refuses survival ratios outside [0, 1] and ragged age vectors', () => {
    const s = boxInput().steps[0]!;
    const bad = { births: 1.2, ratios: inputs.surv_props };
    expect(() => projectCcmpp(boxInput({ steps: [{ ...s, survival: { female: bad, male: bad } }] }))).toThrow(
      /\[0, 1\]/,
    );
    try {
      projectCcmpp(boxInput({ steps: [{ ...s, fertility: [0.1] }] }));
      expect.unreachable();
    } catch (e) {
      expect(isDemographyError(e, 'TERN_DEMOGRAPHY_BAD_INPUT')).toBe(true);
    }
  });
});
