/*
 * The grammar of .vmodel files; LANGUAGE.md is the specification it follows.
 *
 * Blocks are accepted here in any order and any number so that the AST builder can say
 * "the 'data' block must come before the 'model' block" instead of ANTLR's generic
 * "extraneous input"; the builder enforces the fixed order data, params, networks, latent,
 * derived, model, guide.
 *
 * Only block names (vmc's and Stan's), type names, statement keywords (if, else, for, in, while,
 * break, continue, print, reject, return, void), 'array', 'plate' and 'target' are reserved. 'lower', 'upper',
 * 'meanfield', 'fullrank' and every distribution and function name are plain identifiers,
 * checked where they are used, so a program may call a variable beta, lower or theta.
 */
grammar Vmodel;

program : block* EOF ;

block
    : DATA '{' (declaration | plate)* '}'                 # dataBlock
    | TRANSFORMED DATA '{' statement* '}'                 # transformedDataBlock
    | PARAMS '{' declaration* '}'                         # paramsBlock
    | NETWORKS '{' network* '}'                           # networksBlock
    | LATENT '{' declaration* '}'                         # latentBlock
    | PARAMETERS '{' declaration* '}'                     # parametersBlock
    | DERIVED '{' declaration* '}'                        # derivedBlock
    | TRANSFORMED PARAMETERS '{' statement* '}'           # transformedParametersBlock
    | GENERATED QUANTITIES '{' statement* '}'             # generatedQuantitiesBlock
    | FUNCTIONS '{' functionDefinition* '}'               # functionsBlock
    | MODEL '{' statement* '}'                            # modelBlock
    | GUIDE (family=ID ';' | '{' guideParams? guideAutomatic? statement* '}')   # guideBlock
    ;

guideParams : PARAMS '{' declaration* '}' ;

// 'auto w, mu;' (or meanfield, lowrank, fullrank): the latents a guide block leaves to the
// automatic Gaussian guide, which draws them before the block's statements, which may use them.
guideAutomatic : family=ID names+=ID (',' names+=ID)* ';' ;

// Stan's user-defined function: 'real f(data real x, array[] real y) { ... }', or a forward
// declaration ending in ';'. Argument types are unsized, as in Stan; any other name in a type's
// place reaches the builder as an identifier, which says what a function may take.
functionDefinition : result=functionType name=ID '(' (functionParameter (',' functionParameter)*)? ')'
        (body='{' statement* '}' | ';') ;

functionType : VOID | argumentType ;

functionParameter : DATA? argumentType ID ;

argumentType : (ARRAY '[' commas+=','* ']')? base=(INT_TYPE | REAL_TYPE | VECTOR | ROW_VECTOR | MATRIX | ID) ;

// 'plate N;' in the data block: N counts conditionally independent data, and everything whose
// first size is N has one element per datum (minibatches subsample along it).
plate : PLATE ID ';' ;

// 'decoder = mlp(L, 400, D, softplus);': a network with its widths and activations, whose
// weights are learnable parameters; called as a function, decoder(z), in the model and guide.
network : name=ID '=' kind=ID '(' arguments? ')' ';' ;

// One rule for every block: whether an initialiser is required or forbidden is the
// checker's business, so that a misplaced one gets a message saying which.
declaration : type ID ('=' expr)? ';' ;

type
    : ARRAY '[' expr (',' expr)* ']' elementType
    | elementType
    ;

elementType
    : INT_TYPE constraint?                                # intType
    | REAL_TYPE constraint?                               # realType
    | VECTOR constraint? '[' expr ']'                     # vectorType
    | ROW_VECTOR constraint? '[' expr ']'                 # rowVectorType
    | MATRIX constraint? '[' expr ',' expr ']'            # matrixType
    // Stan's constrained vectors, each mapped whole to the unconstrained space
    | kind=(SIMPLEX | ORDERED | POSITIVE_ORDERED | UNIT_VECTOR) '[' expr ']'   # constrainedVectorType
    // Stan's constrained matrices: one size (K x K), or two for cholesky_factor_cov[M, N]
    | kind=(CHOLESKY_FACTOR_CORR | CHOLESKY_FACTOR_COV | CORR_MATRIX | COV_MATRIX) '[' expr (',' expr)? ']'   # constrainedMatrixType
    ;

// '>' cannot occur inside an expression, so a bound ends cleanly at it.
constraint : '<' bound (',' bound)* '>' ;

bound : ID '=' expr ;

statement
    : declaration                                         # defineStatement
    | expr op='~' dist=ID '(' arguments? ')' truncation? ';'   # sampleStatement
    | TARGET '+=' expr ';'                                # targetStatement
    | ID ('[' index (',' index)* ']')? op=('=' | '+=' | '-=' | '*=' | '/=' | '.*=' | './=') expr ';'   # assignStatement
    | IF '(' expr ')' branch (ELSE branch)?               # ifStatement
    | FOR '(' ID IN expr ':' expr ')' branch              # forStatement
    | FOR '(' ID IN expr ')' branch                       # forEachStatement
    | WHILE '(' expr ')' branch                           # whileStatement
    | BREAK ';'                                           # breakStatement
    | CONTINUE ';'                                        # continueStatement
    | '{' statement* '}'                                  # blockStatement
    | PRINT '(' printable (',' printable)* ')' ';'        # printStatement
    | REJECT '(' printable (',' printable)* ')' ';'       # rejectStatement
    | RETURN expr? ';'                                    # returnStatement
    | ID '(' arguments? ')' ';'                           # callStatement
    ;

// '~ normal(mu, s) T[lo, hi]': the density truncated to [lo, hi]; either end may be left out. The
// 'T' is an identifier there and nowhere else, so a variable may still be called T.
truncation : {_input.LT(1).getText().equals("T")}? ID '[' lower=expr? ',' upper=expr? ']' ;

// What print and reject show: strings and values.
printable : STRING_LITERAL | expr ;

branch : '{' statement* '}' | statement ;

arguments : expr (',' expr)* ;

// One index of x[...]: a single position or an array of them (multi-indexing), or a slice
// 'a:b' whose ends may be left out ('a:', ':b', ':').
index
    : expr                                                # singleIndex
    | lower=expr? colon=':' upper=expr?                   # sliceIndex
    ;

// Alternatives from tightest to loosest binding. '^' binds tighter than unary minus, as
// in Stan, so -x^2 is -(x^2); its right operand may itself be negated: 2^-1.
expr
    : expr op='\''                                        # transposeExpr
    | expr op='[' index (',' index)* ']'                  # indexExpr
    | <assoc=right> expr op='^' expr                      # powerExpr
    | op=('-' | '+' | '!') expr                           # unaryExpr
    | expr op=('*' | '/' | '.*' | './' | '%' | '%/%') expr   # multiplyExpr
    | expr op=('+' | '-') expr                            # addExpr
    // A bound's '>' still closes its constraint: the parser takes '>' as a comparison only when
    // what follows can complete one (see 'constraint').
    | expr op=('<' | '<=' | '>' | '>=') expr              # compareExpr
    | expr op=('==' | '!=') expr                          # equalityExpr
    | expr op='&&' expr                                   # andExpr
    | expr op='||' expr                                   # orExpr
    | <assoc=right> expr op='?' expr ':' expr             # conditionalExpr
    | ID '(' arguments? ')'                               # callExpr
    | ID '(' expr '|' arguments? ')'                      # conditionalCallExpr
    | ID                                                  # nameExpr
    | open='[' expr (',' expr)* ']'                       # vectorLiteralExpr
    | open='{' expr (',' expr)* '}'                       # arrayLiteralExpr
    | INT_LITERAL                                         # intLiteral
    | REAL_LITERAL                                        # realLiteral
    | '(' expr ')'                                        # parenExpr
    ;

DATA : 'data' ;
PARAMS : 'params' ;
LATENT : 'latent' ;
DERIVED : 'derived' ;
MODEL : 'model' ;
GUIDE : 'guide' ;
NETWORKS : 'networks' ;
IF : 'if' ;
ELSE : 'else' ;
FOR : 'for' ;
IN : 'in' ;
WHILE : 'while' ;
BREAK : 'break' ;
CONTINUE : 'continue' ;
PRINT : 'print' ;
REJECT : 'reject' ;
RETURN : 'return' ;
// Stan's block names: a Stan program's blocks mean what they mean in Stan ('parameters' are
// latent, not vmc's learnable 'params').
PARAMETERS : 'parameters' ;
TRANSFORMED : 'transformed' ;
GENERATED : 'generated' ;
QUANTITIES : 'quantities' ;
FUNCTIONS : 'functions' ;
VOID : 'void' ;
PLATE : 'plate' ;
ARRAY : 'array' ;
INT_TYPE : 'int' ;
REAL_TYPE : 'real' ;
VECTOR : 'vector' ;
ROW_VECTOR : 'row_vector' ;
MATRIX : 'matrix' ;
SIMPLEX : 'simplex' ;
ORDERED : 'ordered' ;
POSITIVE_ORDERED : 'positive_ordered' ;
UNIT_VECTOR : 'unit_vector' ;
CHOLESKY_FACTOR_CORR : 'cholesky_factor_corr' ;
CHOLESKY_FACTOR_COV : 'cholesky_factor_cov' ;
CORR_MATRIX : 'corr_matrix' ;
COV_MATRIX : 'cov_matrix' ;
TARGET : 'target' ;

ID : [a-zA-Z] [a-zA-Z0-9_]* ;

REAL_LITERAL
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;

INT_LITERAL : DIGITS ;

fragment DIGITS : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;

// An unclosed comment runs to the end of the file; the parser front end spots the missing
// '*/' on the token and reports it where the comment starts.
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;

WS : [ \t\r\n\f]+ -> skip ;

// Any other character becomes a token of its own, so the parser reports it in context
// rather than the lexer printing "token recognition error".
STRING_LITERAL : '"' ~["\r\n]* '"' ;

UNEXPECTED_CHAR : . ;
