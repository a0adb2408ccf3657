/**
 * The library's view of people: who the caller is in the content store's terms (schools, classes,
 * roles), and the security rules of the library's endpoints.
 */
@NullMarked
package vn.edu.lms.api.libraryaccess;

import org.jspecify.annotations.NullMarked;
