/**
 * The organisation of a district: schools, school years with their terms, grades and classes with
 * their homeroom and subject teachers, and the roll-over from one year to the next.
 */
@NullMarked
package vn.edu.lms.api.school;

import org.jspecify.annotations.NullMarked;
