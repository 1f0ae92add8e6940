import type { Check } from "../checks/types";
import { asCheck, type Kind } from "./types";
import { levelKind } from "./level";
import { changeKind } from "./change";
import { shareKind } from "./share";
import { ratioKind } from "./ratio";
import { distributionKind } from "./distribution";
import { countKind } from "./count";
import { associationKind } from "./association";
import { modelKind } from "./model";
import { arithmeticKind } from "./arithmetic";
import { quotationKind } from "./quotation";
import { unverifiableKind } from "./unverifiable";

/**
 * The check kinds, by the name the registry's `check` field uses. Each is a pure function of the
 * tables it is given and the claim's params (`(tables, params) → { values, evidence, facts }`), named by
 * what it computes; params.of chooses the family of figures where a kind serves several.
 */
export const KINDS: Record<string, Kind> = {
  level: levelKind,
  change: changeKind,
  share: shareKind,
  ratio: ratioKind,
  distribution: distributionKind,
  count: countKind,
  association: associationKind,
  model: modelKind,
  arithmetic: arithmeticKind,
  quotation: quotationKind,
  unverifiable: unverifiableKind,
};

/** The kinds as the ledger calls them. */
export const KIND_CHECKS: Record<string, Check> = Object.fromEntries(Object.entries(KINDS).map(([k, f]) => [k, asCheck(f)]));
