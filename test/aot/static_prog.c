/* static_prog.c — the exports of test/aot/static.py: a static value compiled in, static shapes guarded */
#include "ak.h"
#include <stdio.h>
int main(void){ double x[5]={1,2,3,4,5}; kiln_aot_array a={x,{5},{8}}; double r; kiln_aot_error e;
 if(ak_head(&a,&r,&e)) printf("err %s\n", e.message); else printf("%g\n", r);
 if(ak_head_2(&a,4,&r,&e)) printf("err\n"); else printf("%g\n", r);
 double m[4]={1,2,3,4}, o[4]; kiln_aot_array A={m,{2,2},{16,8}}, C={o,{2,2},{16,8}}; 
 if(ak_mm(&A,&A,&C,&r,&e)) printf("err %s\n", e.message); else printf("%g %g %g %g\n", o[0],o[1],o[2],o[3]);
 kiln_aot_array B={x,{1,5},{40,8}};
 if(ak_mm(&B,&A,&C,&r,&e)) printf("err %s: %s\n", e.ename, e.message); return 0;}
