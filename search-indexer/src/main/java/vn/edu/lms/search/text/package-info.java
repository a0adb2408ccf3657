/**
 * Vietnamese text as the index and the queries see it: Unicode NFC normalisation, so that text typed
 * with combining tone marks matches precomposed text, and diacritic folding done by the application,
 * because the embedded Elasticsearch has neither {@code asciifolding} nor the ICU plugin. Folding keeps
 * every character's position, so highlights found in a folded field apply to the original text.
 */
@NullMarked
package vn.edu.lms.search.text;

import org.jspecify.annotations.NullMarked;
