# A Debian 12 VM image, built without booting an installer: a "system" root filesystem from
# Debian's packages, customized (an admin user with an SSH key, root login and passwords off,
# cloud-init datasources for NoCloud/VMware/OVF), assembled into a bootable BIOS+UEFI disk, and
# written as compressed qcow2, a streamOptimized VMDK and an OVA for vSphere.
#
#   ingot build -var "ssh_public_key=$(cat ~/.ssh/id_ed25519.pub)" examples/debian-vm.pkr.hcl
#
# Mirrors come from the host's apt configuration unless `mirror` is set.

packer {
  required_version = ">= 1.11.0"
}

variable "ssh_public_key" {
  type        = string
  description = "The public key (one authorized_keys line) that may log in as admin."
}

variable "disk_size" {
  type    = string
  default = "4G"
}

source "debian" "vm" {
  suite   = "bookworm"
  variant = "system"
  # systemd-sysv provides /sbin/init; the "system" variant installs only what apt calls required.
  packages = ["systemd-sysv", "udev", "e2fsprogs", "linux-image-cloud-amd64", "openssh-server", "cloud-init", "sudo"]

  # Applied to the root filesystem as the source makes it, before provisioners and the disk.
  customize {
    hostname = "debian-vm"
    timezone = "Etc/UTC"
    locale   = "C.UTF-8"

    users {
      name                = "admin"
      groups              = ["sudo"]
      shell               = "/bin/bash"
      ssh_authorized_keys = [var.ssh_public_key]
    }

    ssh {
      permit_root_login       = "no"
      password_authentication = false
    }

    services {
      enable = ["ssh.service"]
    }

    cloud_init {
      datasource_list = ["NoCloud", "VMware", "OVF", "None"]
    }
  }
}

build {
  name    = "debian-vm"
  sources = ["source.debian.vm"]

  post-processors {
    post-processor "disk" {
      size            = var.disk_size
      partition_table = "gpt"
      boot            = "hybrid"
      filesystem      = "ext4"
      root_label      = "root"
      # secure_boot   = true   # with "shim-signed" and "grub-efi-amd64-signed" in packages
    }

    post-processor "convert" {
      formats = ["qcow2", "vmdk"]
      options = {
        qcow2 = "compress"
        vmdk  = "subformat=streamOptimized,adapter_type=lsilogic"
      }
    }

    post-processor "ova" {
      keep_input_artifact = true # keep the qcow2 and the VMDK next to the OVA
      vm_name             = "debian-vm"
      cpus                = 2
      memory              = 2048
      hardware_version    = "vmx-13"
      network             = "VM Network"
    }
  }
}
