package vn.edu.lms.api.assessment.blueprint;

import java.util.List;

/**
 * Whether the bank can fill a blueprint: for each cell, the questions it asks for, those the bank
 * has, and how many are missing. A per-student draw needs at least as many as asked; more make
 * papers differ more.
 */
public record Coverage(List<CellCoverage> cells) {

    public Coverage {
        cells = List.copyOf(cells);
    }

    public record CellCoverage(Blueprint.Cell cell, int available, int missing) {
    }

    public static Coverage of(Blueprint blueprint, List<Candidate> candidates) {
        return new Coverage(blueprint.cells().stream().map(cell -> {
            int available = (int) candidates.stream().filter(candidate -> candidate.fits(cell)).count();
            return new CellCoverage(cell, available, Math.max(0, cell.count() - available));
        }).toList());
    }

    public boolean fillable() {
        return cells.stream().allMatch(cell -> cell.missing() == 0);
    }

    public int missing() {
        return cells.stream().mapToInt(CellCoverage::missing).sum();
    }
}
