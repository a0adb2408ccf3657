/**
 * Class lists in and out: importing the CSV and XLSX lists schools export (previewed row by row,
 * applied all or nothing, undoable), the printable sheet of students' first passwords, and the
 * class list as CSV.
 */
@NullMarked
package vn.edu.lms.api.classlist;

import org.jspecify.annotations.NullMarked;
