/** The levels, weightiest first. */
export const LEVELS = ['Required', 'Recommended', 'Informational'];
/** A check's stable id, built from its parts so that the suite it sits in and the suite its id names are one. */
export function checkId(level, suiteSegment, name) {
    return `${level}.${suiteSegment}.${name}`;
}
/** A suite's drafts made checks for one model: the one place an id is made. */
export function composeChecks(suite, ctx) {
    return suite.checks(ctx).map(({ name, ...draft }) => ({ ...draft, id: checkId(draft.level, suite.idSegment ?? suite.name, name), suite: suite.name, model: ctx.model.name }));
}
//# sourceMappingURL=check.js.map