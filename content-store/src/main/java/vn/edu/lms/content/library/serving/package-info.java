@NullMarked
@NamedInterface("serving")
package vn.edu.lms.content.library.serving;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
