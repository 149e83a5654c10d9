/**
 * Keeps the texts users read in app/domain/texts/: a string, template or JSX text outside it that
 * looks Norwegian (æ, ø, å, or a common Norwegian word in a phrase) is reported. Query-string keys
 * and URL paths (single words such as "gruppe" or "/innspill") are not phrases and pass. The process
 * machines' `meta` objects (state labels) are the documented exception: workflows/ may import
 * nothing of ours, so the machine carries its own labels (docs/decisions/011-layers.md).
 */

const letters = /[æøåÆØÅ]/;
const words =
  /\b(og|ikke|er|som|til|fra|med|har|du|deg|din|det|den|kan|skal|må|ingen|eller|ved|etter|ennå|venter|sak|saker|innspill|innspillet|vedtak|vedtatt|møte|kl|noen|alle|nye|gjelder|velg|oppgi|skriv|last|ned|lagre|avbryt|tilbake)\b/i;

/** Whether a piece of text reads as Norwegian. */
function looksNorwegian(text) {
  if (letters.test(text)) return true;
  // A phrase: two or more words; single tokens are keys, paths and identifiers.
  return /[A-Za-z]\s+[A-Za-z]/.test(text) && words.test(text);
}

/** Inside a `meta: { … }` object (a machine state's label and description). */
function inMeta(node) {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "Property" && !n.computed && n.key && (n.key.name === "meta" || n.key.value === "meta"))
      return true;
  }
  return false;
}

/** A module path or a type, not a text anyone reads. */
function notAText(node) {
  const p = node.parent;
  if (!p) return false;
  if (
    p.type === "ImportDeclaration" ||
    p.type === "ExportNamedDeclaration" ||
    p.type === "ExportAllDeclaration"
  )
    return true;
  if (p.type === "ImportExpression") return true;
  if (p.type === "TSLiteralType") return true;
  // `"use client"`-style directives and object keys.
  if (p.type === "Property" && p.key === node && !p.computed) return true;
  return false;
}

export default {
  meta: {
    type: "suggestion",
    docs: { description: "Norwegian texts belong in app/domain/texts/" },
    messages: {
      moveText: "Norwegian text outside app/domain/texts/: move it there and import it ({{text}}).",
    },
    schema: [],
  },
  create(context) {
    const report = (node, text, always = false) => {
      if (inMeta(node) || notAText(node)) return;
      if (!always && !looksNorwegian(text)) return;
      const short = text.trim().replace(/\s+/g, " ").slice(0, 40);
      context.report({ node, messageId: "moveText", data: { text: short } });
    };
    return {
      Literal(node) {
        if (typeof node.value === "string") report(node, node.value);
      },
      TemplateLiteral(node) {
        if (node.parent && node.parent.type === "TaggedTemplateExpression") return;
        report(node, node.quasis.map((q) => q.value.cooked ?? "").join("X"));
      },
      JSXText(node) {
        const text = node.value.trim();
        // Any words written straight into markup are a text a user reads.
        if (/[A-Za-zæøåÆØÅ]{2,}/.test(text)) report(node, text, true);
      },
    };
  },
};
