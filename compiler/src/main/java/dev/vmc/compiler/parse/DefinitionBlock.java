package dev.vmc.compiler.parse;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.grammar.VmodelParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stan's transformed data, transformed parameters and generated quantities as vmc's typed
 * definitions. Stan declares a variable and assigns it later ({@code vector[N] x; x = log(y);});
 * a declaration without a value and one later assignment of the whole variable become one
 * definition, placed where the assignment is (so it may use what comes between). Anything else
 * (a second assignment, one to an element, a ~ statement) is named as not supported.
 */
final class DefinitionBlock {
    private DefinitionBlock() {}

    static List<Decl> of(String block, List<VmodelParser.StatementContext> statements, DeclarationBuilder declarations,
            ExprBuilder exprs, Diagnostics diagnostics) {
        List<Decl> definitions = new ArrayList<>();
        Map<String, Decl> awaiting = new LinkedHashMap<>();
        Map<String, Integer> assignedAt = new LinkedHashMap<>();
        for (VmodelParser.StatementContext ctx : statements) {
            if (ctx instanceof VmodelParser.DefineStatementContext define) {
                Decl decl = declarations.declaration(define.declaration());
                if (decl.init() == null) {
                    awaiting.put(decl.name(), decl);
                } else {
                    definitions.add(decl);
                }
            } else if (ctx instanceof VmodelParser.AssignStatementContext assign) {
                String name = assign.ID().getText();
                Decl declared = awaiting.remove(name);
                if (declared != null) {
                    definitions.add(new Decl(declared.pos(), name, declared.type(), exprs.visit(assign.expr())));
                    assignedAt.put(name, assign.getStart().getLine());
                } else if (assignedAt.containsKey(name)) {
                    diagnostics.error(Positions.of(assign.ID().getSymbol()), "'" + name + "' is assigned again (first at line "
                            + assignedAt.get(name) + "); vmc takes one value per variable: assigning it again, or"
                            + " element by element, is not supported yet");
                } else {
                    diagnostics.error(Positions.of(assign.ID().getSymbol()), "'" + name + "' is not declared in the '"
                            + block + "' block; declare it there first, e.g. 'real " + name + ";'");
                }
            } else {
                diagnostics.error(Positions.of(ctx), "only declarations and assignments belong in the '" + block + "' block");
            }
        }
        // declared and never assigned: the checker's "needs a value" says what to write
        definitions.addAll(awaiting.values());
        return definitions;
    }
}
