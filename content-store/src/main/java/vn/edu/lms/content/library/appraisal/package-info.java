@NullMarked
package vn.edu.lms.content.library.appraisal;

import org.jspecify.annotations.NullMarked;
