/**
 * Class-list files: reading the lists schools export (CSV, XLSX, XLS) and writing printable
 * credential sheets (XLSX, PDF) and a class-list CSV. Blocking code, run on a file-io scheduler.
 */
@NullMarked
package vn.edu.lms.api.classlist.file;

import org.jspecify.annotations.NullMarked;
