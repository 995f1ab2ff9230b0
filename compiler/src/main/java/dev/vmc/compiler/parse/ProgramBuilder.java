package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Network;
import dev.vmc.compiler.ast.Plate;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AST of a whole file. The grammar takes blocks in any order; this enforces the one
 * order the language has, so that a misplaced block gets a message that names both blocks.
 */
final class ProgramBuilder {
    /** The default when a file has no guide block: a position of line 0 marks it as synthetic. */
    static final Guide DEFAULT_GUIDE = new Guide.Auto(new Pos(0, 0), "auto");

    private static final List<String> ORDER = List.of("data", "params", "networks", "latent", "derived", "model", "guide");

    private final String fileName;
    private final String source;
    private final Diagnostics diagnostics;
    private final Map<String, String> blockNames = new HashMap<>();
    private final ExprBuilder exprs;
    private final DeclarationBuilder declarations;
    private final StatementBuilder statements;

    private final Map<String, Integer> blockLines = new HashMap<>();
    private String latestBlock;

    private List<Decl> data = List.of();
    private Plate plate;
    private List<Decl> params = List.of();
    private List<Network> networks = List.of();
    private List<Decl> latents = List.of();
    private List<Decl> derived = List.of();
    private List<Stmt> model = List.of();
    private Guide guide = DEFAULT_GUIDE;

    ProgramBuilder(String fileName, String source, Diagnostics diagnostics) {
        this.fileName = fileName;
        this.source = source;
        this.diagnostics = diagnostics;
        this.exprs = new ExprBuilder(diagnostics);
        this.declarations = new DeclarationBuilder(exprs, diagnostics);
        this.statements = new StatementBuilder(exprs, declarations, diagnostics, blockNames);
    }

    Program build(VmodelParser.ProgramContext ctx) {
        for (VmodelParser.BlockContext block : ctx.block()) {
            add(block);
        }
        if (!blockLines.containsKey("model")) {
            diagnostics.error(Positions.of(ctx.EOF().getSymbol()), "a program needs a model block");
        }
        return new Program(fileName, source, data, plate, params, networks, latents, derived, model, guide);
    }

    private void add(VmodelParser.BlockContext block) {
        String name = block.getStart().getText();
        checkPlace(name, Positions.of(block));
        if (block instanceof VmodelParser.DataBlockContext b) {
            data = remember(declarations.all(b.declaration()), "data");
            plate = plate(b.plate());
        } else if (block instanceof VmodelParser.NetworksBlockContext b) {
            networks = b.network().stream().map(this::network).toList();
        } else if (block instanceof VmodelParser.ParamsBlockContext b) {
            params = remember(declarations.all(b.declaration()), "param");
        } else if (block instanceof VmodelParser.LatentBlockContext b) {
            latents = remember(declarations.all(b.declaration()), "latent");
        } else if (block instanceof VmodelParser.DerivedBlockContext b) {
            derived = remember(declarations.all(b.declaration()), "derived");
        } else if (block instanceof VmodelParser.ModelBlockContext b) {
            model = statements.all(b.statement());
        } else {
            guide = guide((VmodelParser.GuideBlockContext) block);
        }
    }

    /** The data block's plate: one for now, as every plated value shares the one datum index. */
    private Plate plate(List<VmodelParser.PlateContext> plates) {
        for (int i = 1; i < plates.size(); i++) {
            diagnostics.error(Positions.of(plates.get(i)), "a second plate; vmc supports one plate per program,"
                    + " the data dimension that minibatches subsample");
        }
        return plates.isEmpty() ? null : new Plate(Positions.of(plates.get(0).ID().getSymbol()), plates.get(0).ID().getText());
    }

    private Network network(VmodelParser.NetworkContext n) {
        List<Expr> args = n.arguments() == null ? List.of() : exprs.all(n.arguments().expr());
        return new Network(Positions.of(n.name), n.name.getText(), Positions.of(n.kind), n.kind.getText(), args);
    }

    private Guide guide(VmodelParser.GuideBlockContext b) {
        if (b.family != null) {
            return new Guide.Auto(Positions.of(b.family), b.family.getText());
        }
        List<Decl> guideParams = b.guideParams() == null ? List.of() : declarations.all(b.guideParams().declaration());
        return new Guide.Explicit(Positions.of(b), guideParams, statements.all(b.statement()));
    }

    private List<Decl> remember(List<Decl> decls, String kind) {
        decls.forEach(d -> blockNames.putIfAbsent(d.name(), kind));
        return decls;
    }

    private void checkPlace(String name, Pos pos) {
        Integer firstLine = blockLines.get(name);
        if (firstLine != null) {
            diagnostics.error(pos, "a second '" + name + "' block; the first is at line " + firstLine
                    + " (a program has at most one of each block)");
            return;
        }
        blockLines.put(name, pos.line());
        if (latestBlock != null && ORDER.indexOf(name) < ORDER.indexOf(latestBlock)) {
            diagnostics.error(pos, "the '" + name + "' block must come before the '" + latestBlock
                    + "' block (blocks go in the order data, params, networks, latent, derived, model, guide)");
            return;
        }
        latestBlock = name;
    }
}
