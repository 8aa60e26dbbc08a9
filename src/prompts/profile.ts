/**
 * The zone profile prompts of `netdz assess` (the set's `profile[]`: text, choice and yes/no
 * fields) and the optional assessor. Each answer is saved as soon as it is given.
 */
import { isAsked } from "../core/applicability.js";
import type { Lang, MeasureSet, ProfileField, ProfileValue, Zone } from "../core/model.js";
import type { AssessMessages } from "../i18n/assess-messages.js";
import { FILTER_FROM, type Asker, type EscapeMode } from "./ask.js";

/** What the profile prompts need: the asker, the texts, and where to read and save values. */
export interface ProfileContext {
  asker: Asker;
  m: AssessMessages;
  lang: Lang;
  set: MeasureSet;
  zone(): Zone;
  saveZone(field: string, value: ProfileValue): Promise<void>;
  assessor(): { name?: string; role?: string } | undefined;
  saveAssessor(field: "name" | "role", value: string): Promise<void>;
  print(text: string): void;
}

/** True when the zone has no value for the field. */
function missing(zone: Zone, field: ProfileField): boolean {
  const value = zone[field.id];
  return value === undefined || value === "";
}

/** Profile fields the zone still lacks; empty when every required field is there. */
export function missingProfileFields(set: MeasureSet, zone: Zone): ProfileField[] {
  const asked = set.profile.filter(isAsked);
  const lacksRequired = asked.some((f) => f.required !== false && missing(zone, f));
  return lacksRequired ? asked.filter((f) => missing(zone, f)) : [];
}

/** Asks the given profile fields (with the current values preselected), saving each one. */
export async function askProfile(
  ctx: ProfileContext,
  fields: readonly ProfileField[],
  options: { withAssessor: boolean; escape?: EscapeMode },
): Promise<void> {
  const escape = options.escape ?? "ignore";
  for (const field of fields.filter(isAsked)) {
    const value = await askProfileField(ctx, field, ctx.zone()[field.id], escape);
    if (value !== undefined) await ctx.saveZone(field.id, value);
  }
  if (options.withAssessor) await askAssessor(ctx, escape);
}

/** One profile field; undefined when an optional text field is left empty. */
export async function askProfileField(
  ctx: ProfileContext,
  field: ProfileField,
  current: ProfileValue | undefined,
  escape: EscapeMode = "ignore",
): Promise<ProfileValue | undefined> {
  const { asker, m, lang } = ctx;
  const required = field.required !== false;
  const label = required ? field.label[lang] : `${field.label[lang]} ${m.profile.optional}`;
  // Long labels wrap to the terminal as every prompt does (the Asker wraps each message).
  const message = label;
  if (field.help) ctx.print(`  ${field.help[lang]}`);
  if (field.type === "yesno") {
    const answer = await asker.select<"yes" | "no">({
      message,
      // Profile flags single out a minority of zones, so "no" comes first.
      choices: [
        { value: "no", name: m.no },
        { value: "yes", name: m.yes },
      ],
      ...(typeof current === "boolean" ? { default: current ? "yes" : "no" } : {}),
      escape,
    });
    return answer === "yes";
  }
  if (field.type === "choice") {
    const options = field.options ?? [];
    return asker.select<string>({
      message,
      choices: options.map((o) => ({
        value: o.id,
        name: o.label[lang],
        keywords: `${o.label.en} ${o.label.zh}`,
      })),
      filter: options.length > FILTER_FROM,
      ...(typeof current === "string" ? { default: current } : {}),
      escape,
    });
  }
  const text = await asker.input({
    message,
    ...(typeof current === "string" ? { default: current, editable: true } : {}),
    ...(required ? { validate: (v: string) => v.trim() !== "" || m.profile.required } : {}),
    escape,
    trim: "line",
  });
  return text.trim() === "" ? undefined : text.trim();
}

/** The optional assessor name and role. */
async function askAssessor(ctx: ProfileContext, escape: EscapeMode): Promise<void> {
  const { asker, m } = ctx;
  const current = ctx.assessor() ?? {};
  const name = await asker.input({
    message: m.profile.assessorName,
    ...(current.name ? { default: current.name, editable: true } : {}),
    escape,
    trim: "line",
  });
  await ctx.saveAssessor("name", name);
  const role = await asker.input({
    message: m.profile.assessorRole,
    ...(current.role ? { default: current.role, editable: true } : {}),
    escape,
    trim: "line",
  });
  await ctx.saveAssessor("role", role);
}
