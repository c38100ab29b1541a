import type { Json } from '../core/json.js';
import { modelOfEventType, type Model, type SchemaSet } from '../core/models.js';
import type { ErrorObject } from '../core/oracle.js';
import { everyErrorValidator, setAsideUnnamed, type UnnamedMember } from '../core/unnamed-members.js';
import { namedPart } from '../arbitraries/index.js';
import { SHORTCUTS } from '../arbitraries/named-members.js';

/** What the model of an event's type says of it. */
export interface ModelVerdict {
  model: Model;
  /** What breaks the model once the members it does not name are set aside: one line each, empty when none. */
  errors: string[];
  /** The members no model names, each as a path below the event (`size`, `item/extra`): never a failure of the model. */
  unknown: string[];
  /** The top-level members whose values break the model ('' when the event as a whole does): the stream rules do not read them. */
  broken: string[];
}

/** The longest name of an unknown member kept: a capture of garbage may hold a key of any length. */
const MAX_NAME = 200;

/**
 * Holds a recorded event to its model as a reader of streams must: a parser
 * ignores a member its model does not name, so such a member is said by
 * name, at any depth, and the event is judged by the rest. The bundled
 * schemas close their objects (so that the UnknownFields suite can make
 * payloads with extra members); the spec's are open, where only the schema's
 * own names (namedPart) tell such a member from the rest.
 */
export class EventModels {
  /** Models whose schemas the generator cannot walk (a keyword it does not compose): their closed objects still say what they do not name. */
  private readonly unwalkable = new Set<string>();

  constructor(private readonly set: SchemaSet) {}

  /** The verdict of the event's model, or undefined when no model of the set has its type. */
  check(event: Json): ModelVerdict | undefined {
    const model = modelOfEventType(this.set, (event as { type?: unknown } | null)?.type);
    if (!model) return undefined;
    const validate = everyErrorValidator(this.set, model.id);
    let unnamed: UnnamedMember[];
    let errors: ErrorObject[];
    // most events of a capture are valid as they are: the set's own validator (first error only) says so at the cost of ajv alone, and the walk then trusts it
    const valid = SHORTCUTS.trustValid && this.set.ajv.getSchema(model.id)!(event) === true;
    // a valid event without a member its model does not name is judged: the named part is the event itself
    if (valid && this.named(model, event, { valid, build: false })?.unnamed.length === 0) return { model, errors: [], broken: [], unknown: [] };
    const named = this.named(model, event, { valid });
    if (named) {
      unnamed = named.unnamed;
      errors = validate(named.value) ? [] : [...(validate.errors ?? [])];
    } else {
      // whatever else failed may have failed only beside a member set aside (in a oneOf, say): judged by the rest
      ({ unnamed, errors } = setAsideUnnamed(validate, event));
    }
    return {
      model,
      ...judged(errors),
      unknown: unnamed.map((x) => [...x.at, x.name].map((s) => s.slice(0, MAX_NAME)).join('/')),
    };
  }

  private named(model: Model, event: Json, options: Parameters<typeof namedPart>[3]): ReturnType<typeof namedPart> | undefined {
    if (this.unwalkable.has(model.id)) return undefined;
    try {
      return namedPart(this.set, model.id, event, options);
    } catch {
      this.unwalkable.add(model.id);
      return undefined;
    }
  }
}

function judged(errors: ErrorObject[]): { errors: string[]; broken: string[] } {
  return { errors: errors.map(line), broken: [...new Set(errors.map(brokenMember))] };
}

/** The top-level member an error is about: a missing one by its name, a failure of the event as a whole as ''. */
function brokenMember(e: ErrorObject): string {
  if (e.instancePath === '') return e.keyword === 'required' && typeof e.params.missingProperty === 'string' ? e.params.missingProperty : '';
  return e.instancePath.slice(1).split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
}

function line(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? e.keyword}`;
}
