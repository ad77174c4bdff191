#cloud-config
hostname: ${hostname}
packages:
%{ for p in packages ~}
  - ${p}
%{ endfor ~}
