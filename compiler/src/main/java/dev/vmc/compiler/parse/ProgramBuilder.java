package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.FunctionDef;
import dev.vmc.compiler.ast.Network;
import dev.vmc.compiler.ast.Plate;
import dev.vmc.compiler.ast.Guide;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.Stmts;
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

    private static final List<String> ORDER = List.of("functions", "data", "transformed data", "params", "networks", "latent", "derived",
            "model", "generated quantities", "guide");

    private final String fileName;
    private final String source;
    private final Diagnostics diagnostics;
    private final ExprBuilder exprs;
    private final DeclarationBuilder declarations;
    private final StatementBuilder statements;
    private final FunctionBuilder functionBuilder;

    private final Map<String, Integer> blockLines = new HashMap<>();
    /** Each block's name as the file spells it (Stan's or vmc's), by its place in the order. */
    private final Map<String, String> spellings = new HashMap<>();
    private String latestBlock;

    private List<Decl> data = List.of();
    private List<Stmt> transformedData = List.of();
    private List<Stmt> generated = List.of();
    private Plate plate;
    private List<Decl> params = List.of();
    private List<Network> networks = List.of();
    private List<Decl> latents = List.of();
    private List<Stmt> derived = List.of();
    private List<Stmt> model = List.of();
    private Guide guide = DEFAULT_GUIDE;
    private List<FunctionDef> functions = List.of();

    ProgramBuilder(String fileName, String source, Diagnostics diagnostics) {
        this.fileName = fileName;
        this.source = source;
        this.diagnostics = diagnostics;
        this.exprs = new ExprBuilder(diagnostics);
        this.declarations = new DeclarationBuilder(exprs, diagnostics);
        this.statements = new StatementBuilder(exprs, declarations, diagnostics);
        this.functionBuilder = new FunctionBuilder(exprs, statements, diagnostics);
    }

    Program build(VmodelParser.ProgramContext ctx) {
        for (VmodelParser.BlockContext block : ctx.block()) {
            add(block);
        }
        if (!blockLines.containsKey("model")) {
            diagnostics.error(Positions.of(ctx.EOF().getSymbol()), "a program needs a model block");
        }
        return new Program(fileName, source, data, Stmts.topDeclarations(transformedData), plate, params, networks, latents,
                Stmts.topDeclarations(derived), model, Stmts.topDeclarations(generated), guide, transformedData, derived,
                generated, functions);
    }

    private void add(VmodelParser.BlockContext block) {
        String name = blockName(block);
        checkPlace(name, spelled(block), Positions.of(block));
        if (block instanceof VmodelParser.FunctionsBlockContext b) {
            functions = functionBuilder.all(b.functionDefinition());
            statements.defineUserDensities(functions.stream().map(FunctionDef::name)
                    .filter(n -> n.endsWith("_lpdf") || n.endsWith("_lpmf")).collect(java.util.stream.Collectors.toSet()));
        } else if (block instanceof VmodelParser.DataBlockContext b) {
            data = remember(declarations.all(b.declaration()), "data");
            plate = plate(b.plate());
        } else if (block instanceof VmodelParser.NetworksBlockContext b) {
            networks = b.network().stream().map(this::network).toList();
        } else if (block instanceof VmodelParser.ParamsBlockContext b) {
            params = remember(declarations.all(b.declaration()), "param");
        } else if (block instanceof VmodelParser.TransformedDataBlockContext b) {
            transformedData = statements("transformed data", b.statement());
        } else if (block instanceof VmodelParser.LatentBlockContext b) {
            latents = remember(declarations.all(b.declaration()), "latent");
        } else if (block instanceof VmodelParser.ParametersBlockContext b) {
            latents = remember(declarations.all(b.declaration()), "latent");
        } else if (block instanceof VmodelParser.DerivedBlockContext b) {
            derived = remember(declarations.all(b.declaration()), "derived").stream().map(d -> (Stmt) new Stmt.Define(d))
                    .toList();
        } else if (block instanceof VmodelParser.TransformedParametersBlockContext b) {
            derived = statements("derived", b.statement());
        } else if (block instanceof VmodelParser.GeneratedQuantitiesBlockContext b) {
            generated = statements("generated quantity", b.statement());
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
        Guide.Automatic automatic = null;
        if (b.guideAutomatic() != null) {
            VmodelParser.GuideAutomaticContext a = b.guideAutomatic();
            automatic = new Guide.Automatic(Positions.of(a.family), a.family.getText(),
                    a.names.stream().map(t -> new Expr.Var(Positions.of(t), t.getText())).toList());
        }
        return new Guide.Explicit(Positions.of(b), guideParams, automatic, statements.all(b.statement()));
    }

    /**
     * The block's name in the fixed order: Stan's names stand for vmc's blocks of the same
     * meaning (parameters are latent, transformed parameters derived), so a program may use
     * either name for a block but not both.
     */
    private static String blockName(VmodelParser.BlockContext block) {
        if (block instanceof VmodelParser.ParametersBlockContext) {
            return "latent";
        }
        if (block instanceof VmodelParser.TransformedParametersBlockContext) {
            return "derived";
        }
        if (block instanceof VmodelParser.TransformedDataBlockContext) {
            return "transformed data";
        }
        if (block instanceof VmodelParser.GeneratedQuantitiesBlockContext) {
            return "generated quantities";
        }
        return block.getStart().getText();
    }

    /** As the file spells the block, for messages: "parameters" where it says so. */
    private static String spelled(VmodelParser.BlockContext block) {
        return block.getStart().getText() + (block.getChildCount() > 1 && !block.getChild(1).getText().equals("{")
                && !(block instanceof VmodelParser.GuideBlockContext) ? " " + block.getChild(1).getText() : "");
    }

    private List<Stmt> statements(String kind, List<VmodelParser.StatementContext> contexts) {
        List<Stmt> body = statements.all(contexts);
        remember(Stmts.topDeclarations(body), kind);
        return body;
    }

    private List<Decl> remember(List<Decl> decls, String kind) {
        decls.forEach(d -> exprs.locals.declareGlobal(d.name()));
        return decls;
    }

    private void checkPlace(String name, String spelled, Pos pos) {
        Integer firstLine = blockLines.get(name);
        if (firstLine != null) {
            String first = spellings.getOrDefault(name, name);
            diagnostics.error(pos, first.equals(spelled)
                    ? "a second '" + spelled + "' block; the first is at line " + firstLine
                            + " (a program has at most one of each block)"
                    : "'" + spelled + "' and '" + first + "' are one block under two names (Stan's and vmc's); the '"
                            + first + "' block is at line " + firstLine + ": keep one");
            return;
        }
        blockLines.put(name, pos.line());
        spellings.put(name, spelled);
        if (latestBlock != null && ORDER.indexOf(name) < ORDER.indexOf(latestBlock)) {
            diagnostics.error(pos, "the '" + spelled + "' block must come before the '" + spellings.get(latestBlock)
                    + "' block (blocks go in the order functions, data, transformed data, params, networks, latent or parameters,"
                    + " derived or transformed parameters, model, generated quantities, guide)");
            return;
        }
        latestBlock = name;
    }
}
