grammar Vmodel;
program : EOF ;
WS : [ \t\r\n]+ -> skip ;
