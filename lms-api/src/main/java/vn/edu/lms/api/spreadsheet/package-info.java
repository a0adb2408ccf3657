/**
 * What every spreadsheet the application writes shares: text from users neutralised against
 * formula injection. Class lists, credential sheets, participation records and gradebooks use it.
 */
@NullMarked
package vn.edu.lms.api.spreadsheet;

import org.jspecify.annotations.NullMarked;
