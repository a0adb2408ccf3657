/**
 * The library's pages: searching it (facets, suggestions, words typed with or without diacritics),
 * uploading to it over tus with the Dublin Core form, an item with its player or preview, versions
 * and appraisal, and the reviewers' queue. They read through the library's and the search's Java
 * APIs with the caller's own visibility; every change is sent by the page to the JSON API. Its module
 * id is not "library", which is the content store's library.
 */
@NullMarked
@ApplicationModule(id = "library-pages", displayName = "Library pages")
package vn.edu.lms.web.library;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
